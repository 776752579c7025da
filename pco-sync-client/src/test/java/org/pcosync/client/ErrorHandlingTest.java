package org.pcosync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Error bodies (JSON:API, HTML, empty, truncated) and retries of 5xx and connection failures. */
final class ErrorHandlingTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private PcoClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = ClientFactory.client(server, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse html(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html").body(body).build();
  }

  private static MockResponse reset() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  @Test
  void validationErrorCarriesFieldPointers() {
    server.enqueue(Fixtures.json(422, "{\"errors\":[{\"status\":\"422\",\"title\":\"Validation Error\","
        + "\"detail\":\"can't be blank\",\"source\":{\"pointer\":\"/data/attributes/first_name\"}},"
        + "{\"status\":\"422\",\"title\":\"Validation Error\",\"detail\":\"must exist\",\"source\":{\"parameter\":\"person\"}}]}"));

    PcoApiException e = catchThrowableOfType(PcoApiException.class,
        () -> client.people().create(PersonAttributes.builder().lastName("X").build()));

    assertThat(e.isValidation()).isTrue();
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.path()).isEqualTo("/people/v2/people");
    assertThat(e.errors()).extracting(PcoError::sourcePointer).containsExactly("/data/attributes/first_name", null);
    assertThat(e.errors()).extracting(PcoError::sourceParameter).containsExactly(null, "person");
    assertThat(e.getMessage()).contains("POST /people/v2/people", "422", "can't be blank (/data/attributes/first_name)");
  }

  @Test
  void recordedBadRequestBodyIsMapped() {
    server.enqueue(Fixtures.json(400, Fixtures.text("error-400-invalid_resource_payload-post-people.json")));

    PcoApiException e = catchThrowableOfType(PcoApiException.class,
        () -> client.people().create(PersonAttributes.builder().build()));

    assertThat(e.isBadRequest()).isTrue();
    assertThat(e.errors()).containsExactly(new PcoError("400", "invalid_resource_payload", "Bad Request",
        "The payload given does not contain a 'data' key.", null, null));
  }

  @Test
  void htmlUnauthorizedBodyIsHandled() {
    server.enqueue(html(401, "HTTP Basic: Access denied.\n"));

    PcoApiException e = catchThrowableOfType(PcoApiException.class, () -> client.people().get("1"));

    assertThat(e.isUnauthorized()).isTrue();
    assertThat(e.errors()).isEmpty();
    assertThat(e.bodySnippet()).isEqualTo("HTTP Basic: Access denied.");
    assertThat(e.getMessage()).doesNotContain(ClientFactory.SECRET);
  }

  @Test
  void recordedHtmlNotFoundPageIsSummarisedNotDumped() {
    server.enqueue(html(404, Fixtures.text("error-404-put-not-supported.html")));

    PcoApiException e = catchThrowableOfType(PcoApiException.class, () -> client.people().get("1"));

    assertThat(e.isNotFound()).isTrue();
    assertThat(e.bodySnippet()).isEqualTo("HTML page: 404");
    assertThat(e.getMessage()).hasSizeLessThan(300);
  }

  @Test
  void forbiddenIsTyped() {
    server.enqueue(Fixtures.json(403,
        "{\"errors\":[{\"status\":\"403\",\"title\":\"Forbidden\",\"detail\":\"You do not have access to this resource\"}]}"));

    PcoApiException e = catchThrowableOfType(PcoApiException.class, () -> client.people().get("1"));

    assertThat(e.isForbidden()).isTrue();
    assertThat(e.errors().get(0).detail()).isEqualTo("You do not have access to this resource");
  }

  @Test
  void emptyErrorBodyIsHandled() {
    server.enqueue(new MockResponse(404, okhttp3.Headers.of(), ""));

    PcoApiException e = catchThrowableOfType(PcoApiException.class, () -> client.people().get("1"));

    assertThat(e.isNotFound()).isTrue();
    assertThat(e.errors()).isEmpty();
  }

  @Test
  void truncatedJsonIsAParseErrorNamingTheRequest() {
    String full = Fixtures.text("people-get-person-45029164.json");
    server.enqueue(Fixtures.json(full.substring(0, full.length() / 2)));

    PcoParseException e = catchThrowableOfType(PcoParseException.class, () -> client.people().get("45029164"));

    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).startsWith("/people/v2/people/45029164");
    assertThat(e.getMessage()).contains("GET /people/v2/people/45029164");
  }

  @Test
  void unknownAttributesAndIncludedTypesAreIgnored() {
    server.enqueue(Fixtures.json("{\"data\":{\"type\":\"Person\",\"id\":\"1\",\"attributes\":{\"first_name\":\"A\","
        + "\"brand_new_attribute\":{\"x\":[1,2]}},\"relationships\":{\"emails\":{\"data\":[{\"type\":\"Email\",\"id\":\"9\"}]},"
        + "\"hologram\":{\"data\":{\"type\":\"Hologram\",\"id\":\"1\"}}}},\"included\":[{\"type\":\"Hologram\",\"id\":\"1\","
        + "\"attributes\":{}},{\"type\":\"Email\",\"id\":\"9\",\"attributes\":{\"address\":\"a@x.org\"}}],\"jsonapi\":{}}"));

    PcoPerson p = client.people().get("1");

    assertThat(p.firstName()).isEqualTo("A");
    assertThat(p.emails()).extracting(PcoEmail::address).containsExactly("a@x.org");
  }

  @Test
  void serverErrorOnGetIsRetriedWithBackoff() {
    server.enqueue(Fixtures.json(500, "{\"errors\":[{\"status\":\"500\",\"title\":\"Internal Server Error\"}]}"));
    server.enqueue(Fixtures.json(503, ""));
    server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));

    PcoPerson p = client.people().get("45029164");

    assertThat(p.id()).isEqualTo("45029164");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(clock.sleeps()).hasSize(2);
    assertThat(clock.sleeps().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(clock.sleeps().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void serverErrorsBeyondMaxRetriesSurfaceAsServerError() {
    client = client.newBuilder().maxRetries(2).build();
    for (int i = 0; i < 3; i++) {
      server.enqueue(Fixtures.json(500, "{\"errors\":[{\"status\":\"500\",\"title\":\"Internal Server Error\"}]}"));
    }

    PcoApiException e = catchThrowableOfType(PcoApiException.class, () -> client.people().get("1"));

    assertThat(e.isServerError()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void serverErrorOnCreateIsNotRetried() {
    server.enqueue(Fixtures.json(500, "{\"errors\":[{\"status\":\"500\"}]}"));

    PcoApiException e = catchThrowableOfType(PcoApiException.class,
        () -> client.people().create(PersonAttributes.builder().firstName("A").build()));

    assertThat(e.isServerError()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void connectionResetOnGetIsRetried() {
    server.enqueue(reset());
    server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));

    PcoPerson p = client.people().get("45029164");

    assertThat(p.firstName()).isEqualTo("Paul");
    assertThat(clock.sleeps()).hasSize(1);
  }

  @Test
  void connectionResetOnCreateIsOutcomeUnknownAndNotRetried() {
    server.enqueue(reset());
    server.enqueue(Fixtures.json(201, "{\"data\":" + Fixtures.person("1", "A", "2026-01-01T00:00:00Z") + "}"));

    PcoConnectionException e = catchThrowableOfType(PcoConnectionException.class,
        () -> client.people().create(PersonAttributes.builder().firstName("A").build()));

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.path()).isEqualTo("/people/v2/people");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void refusedConnectionOnCreateIsRetriedBecauseNothingWasSent() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    String url = closed.url("/").toString();
    closed.close();
    PcoClient refused = client.newBuilder().baseUrl(url).maxRetries(2).build();

    PcoConnectionException e = catchThrowableOfType(PcoConnectionException.class,
        () -> refused.people().create(PersonAttributes.builder().firstName("A").build()));

    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e.getCause()).isInstanceOf(java.net.ConnectException.class);
    assertThat(clock.sleeps()).hasSize(2);
  }

  @Test
  void timeoutOnGetIsRetried() {
    OkHttpClient fast = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(100)).build();
    client = client.newBuilder().okHttpClient(fast).build();
    server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
    server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));

    PcoPerson p = client.people().get("45029164");

    assertThat(p.id()).isEqualTo("45029164");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void repeatedTimeoutsSurfaceAsConnectionExceptionWithKnownOutcome() {
    OkHttpClient fast = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(100)).build();
    client = client.newBuilder().okHttpClient(fast).maxRetries(1).build();
    server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
    server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());

    PcoConnectionException e = catchThrowableOfType(PcoConnectionException.class, () -> client.people().get("1"));

    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e.getCause()).isInstanceOf(java.net.SocketTimeoutException.class);
  }
}
