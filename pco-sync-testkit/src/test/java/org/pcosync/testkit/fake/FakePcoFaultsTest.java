package org.pcosync.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pcosync.testkit.MutableClock;

final class FakePcoFaultsTest {
  private static final String NEW_PERSON = Http.data("Person", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\"}");
  private final MutableClock clock = MutableClock.create();
  private FakePco pco;
  private Http http;

  @BeforeEach
  void start() {
    pco = FakePco.builder().clock(clock).build().start();
    http = new Http(pco);
  }

  @AfterEach
  void stop() {
    pco.close();
  }

  @Test
  void nthMatchingRequestGetsTheStatus() {
    pco.faults().on("GET", "/people/v2/people").nth(2).respond(503);

    int first = http.get("/people/v2/people").statusCode();
    int second = http.get("/people/v2/people").statusCode();
    int third = http.get("/people/v2/people").statusCode();

    assertThat(first).isEqualTo(200);
    assertThat(second).isEqualTo(503);
    assertThat(third).isEqualTo(200);
  }

  @Test
  void timesFailsTheFirstNMatches() {
    Faults.FaultRule rule = pco.faults().on("GET", "/people/v2/.*").times(2).respond(500);

    int a = http.get("/people/v2/people").statusCode();
    int b = http.get("/people/v2/emails").statusCode();
    int c = http.get("/people/v2/people").statusCode();

    assertThat(a).isEqualTo(500);
    assertThat(b).isEqualTo(500);
    assertThat(c).isEqualTo(200);
    assertThat(rule.hits()).isEqualTo(2);
  }

  @Test
  void internalErrorHasPcosJsonBody() {
    pco.faults().on("*", ".*").respond(500);

    HttpResponse<String> r = http.get("/people/v2/people");

    assertThat(Http.json(r).at("/errors/0/title").asText()).isEqualTo("Internal Server Error");
  }

  @Test
  void badGatewayHasAnHtmlBody() {
    pco.faults().on("*", ".*").always().respond(502);

    HttpResponse<String> r = http.get("/people/v2/people");

    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
  }

  @Test
  void failedWriteIsNotApplied() {
    pco.faults().on("POST", "/people/v2/people").respond(503);

    http.post("/people/v2/people", NEW_PERSON);

    assertThat(pco.people().count()).isZero();
  }

  @Test
  void storm429AnswersTooManyRequestsWithRetryAfter() {
    pco.faults().on("GET", ".*").storm429(2, Duration.ofSeconds(7));

    HttpResponse<String> a = http.get("/people/v2/people");
    HttpResponse<String> b = http.get("/people/v2/people");
    HttpResponse<String> c = http.get("/people/v2/people");

    assertThat(a.statusCode()).isEqualTo(429);
    assertThat(a.headers().firstValue("Retry-After")).contains("7");
    assertThat(Http.json(b).at("/errors/0/code").asText()).isEqualTo("429");
    assertThat(c.statusCode()).isEqualTo(200);
  }

  @Test
  void delayAdvancesTheVirtualClock() {
    pco.faults().on("GET", ".*").delay(Duration.ofSeconds(30));

    HttpResponse<String> r = http.get("/people/v2/people");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START.plusSeconds(30));
  }

  @Test
  void blockUntilHoldsTheResponseUntilTheLatchIsReleased() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    pco.faults().on("GET", ".*").blockUntil(release);

    CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> http.get("/people/v2/people").statusCode());
    boolean doneBeforeRelease = status.isDone();
    release.countDown();

    assertThat(doneBeforeRelease).isFalse();
    assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
  }

  @Test
  void droppedConnectionAfterApplyStillCreatesThePerson() {
    pco.faults().on("POST", "/people/v2/people").times(1).dropConnectionAfterApply();

    assertThatThrownBy(() -> http.post("/people/v2/people", NEW_PERSON)).isInstanceOf(UncheckedIOException.class);

    assertThat(pco.people().count()).isEqualTo(1);
    assertThat(pco.requests()).singleElement().satisfies(r -> assertThat(r.status()).isZero());
  }

  @Test
  void truncatedBodyFailsTheClientRead() {
    pco.people().generatePeople(5, 1);
    pco.faults().on("GET", "/people/v2/people").truncateBody();

    assertThatThrownBy(() -> http.get("/people/v2/people")).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void malformedBodyIsNotJson() {
    pco.faults().on("GET", "/people/v2/people").malformedBody();

    HttpResponse<String> r = http.get("/people/v2/people");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> Http.json(r)).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void removedRuleNoLongerFires() {
    Faults.FaultRule rule = pco.faults().on("GET", ".*").respond(500);
    rule.remove();

    assertThat(http.get("/people/v2/people").statusCode()).isEqualTo(200);
  }

  @Test
  void requestsAreRecordedWithoutAuthorization() {
    http.get("/people/v2/people?where[first_name]=Ann");
    http.post("/people/v2/people", NEW_PERSON);

    assertThat(pco.requests()).hasSize(2);
    RecordedRequest get = pco.requests().get(0);
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.path()).isEqualTo("/people/v2/people");
    assertThat(get.queryParam("where[first_name]")).contains("Ann");
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.headers()).doesNotContainKey("authorization");
    assertThat(pco.requests().get(1).body()).contains("\"first_name\":\"Ann\"");
    assertThat(pco.requests().get(1).status()).isEqualTo(201);
  }

  @Test
  void countsByMethodAndWrites() {
    String id = pco.people().addPerson(PersonSeed.of("Ann", "Lee"));
    http.get("/people/v2/people");
    http.patch("/people/v2/people/" + id, Http.data("Person", "{\"nickname\":\"A\"}"));
    http.delete("/people/v2/people/" + id);

    assertThat(pco.countBy("GET")).isEqualTo(1);
    assertThat(pco.countBy("patch")).isEqualTo(1);
    assertThat(pco.writes()).extracting(RecordedRequest::method).containsExactly("PATCH", "DELETE");
  }

  @Test
  void clearRequestsForgetsTheLog() {
    http.get("/people/v2/people");

    pco.clearRequests();

    assertThat(pco.requests()).isEmpty();
  }

  @Test
  void requestsCanBeSelectedByMethodAndPath() {
    String id = pco.people().addPerson(PersonSeed.of("Ann", "Lee"));
    http.get("/people/v2/people/" + id);
    http.patch("/people/v2/people/" + id, Http.data("Person", "{\"nickname\":\"A\"}"));
    http.get("/people/v2/emails");

    assertThat(pco.requests("GET", "/people/v2/people/\\d+")).hasSize(1);
    assertThat(pco.requests("*", "/people/v2/people/.*")).hasSize(2);
    assertThat(pco.requests("patch", ".*")).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(200));
  }
}
