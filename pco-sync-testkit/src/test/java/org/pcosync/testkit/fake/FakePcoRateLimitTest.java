package org.pcosync.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pcosync.testkit.MutableClock;

final class FakePcoRateLimitTest {
  private final MutableClock clock = MutableClock.create();
  private FakePco pco;
  private Http http;

  @BeforeEach
  void start() {
    pco = FakePco.builder().clock(clock).rateLimit(3, Duration.ofSeconds(20)).build().start();
    http = new Http(pco);
  }

  @AfterEach
  void stop() {
    pco.close();
  }

  private HttpResponse<String> get() {
    return http.get("/people/v2/people");
  }

  @Test
  void everyResponseCarriesRateLimitHeaders() {
    get();
    HttpResponse<String> second = get();

    assertThat(second.headers().firstValue("X-PCO-API-Request-Rate-Limit")).contains("3");
    assertThat(second.headers().firstValue("X-PCO-API-Request-Rate-Count")).contains("2");
    assertThat(second.headers().firstValue("X-PCO-API-Request-Rate-Period")).contains("20");
  }

  @Test
  void requestOverTheLimitGets429WithRetryAfterAndCodeBody() {
    get();
    get();
    get();
    clock.advance(Duration.ofSeconds(5));

    HttpResponse<String> r = get();

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).contains("15");
    assertThat(Http.json(r).at("/errors/0/code").asText()).isEqualTo("429");
    assertThat(Http.json(r).at("/errors/0/detail").asText())
        .isEqualTo("Rate limit exceeded: 4 of 3 requests per 20 seconds");
    assertThat(r.headers().firstValue("X-PCO-API-Request-Rate-Count")).contains("4");
  }

  @Test
  void windowResetsWhenThePeriodPassesOnTheVirtualClock() {
    get();
    get();
    get();
    clock.advance(Duration.ofSeconds(20));

    HttpResponse<String> r = get();

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-PCO-API-Request-Rate-Count")).contains("1");
  }

  @Test
  void rejectedRequestIsNotApplied() {
    get();
    get();
    get();

    http.post("/people/v2/people", Http.data("Person", "{\"first_name\":\"A\",\"last_name\":\"B\"}"));

    assertThat(pco.people().count()).isZero();
  }

  @Test
  void limitCanBeLoweredMidRun() {
    get();
    pco.setRateLimit(1, Duration.ofSeconds(20));

    HttpResponse<String> r = get();

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("X-PCO-API-Request-Rate-Limit")).contains("1");
  }

  @Test
  void periodCanBeScaledDown() {
    pco.setRateLimit(1, Duration.ofSeconds(2));
    get();
    clock.advance(Duration.ofSeconds(2));

    HttpResponse<String> r = get();

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-PCO-API-Request-Rate-Period")).contains("2");
  }

  @Test
  void rateLimitCanBeTurnedOff() {
    pco.noRateLimit();

    for (int i = 0; i < 5; i++) {
      assertThat(get().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void failedAuthenticationDoesNotCount() {
    http.authorization(Http.basic("x", "y")).get("/people/v2/people");
    http.authorization(Http.basic(pco.appId(), pco.secret()));

    assertThat(get().headers().firstValue("X-PCO-API-Request-Rate-Count")).contains("1");
  }

  @Test
  void highOffsetRequestsGetTheStricterLimit() {
    pco.setRateLimit(100, Duration.ofSeconds(20));
    pco.setHighOffsetRateLimit(2);
    http.get("/people/v2/people?offset=30025&per_page=25");
    http.get("/people/v2/people?offset=30050&per_page=25");

    HttpResponse<String> third = http.get("/people/v2/people?offset=30075&per_page=25");
    HttpResponse<String> shallow = http.get("/people/v2/people?offset=25&per_page=25");

    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("X-PCO-API-Request-Rate-Limit")).contains("2");
    assertThat(shallow.statusCode()).isEqualTo(200);
  }
}
