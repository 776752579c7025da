package org.pcosync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class OAuthTest {
  private static final OAuthApp APP = new OAuthApp("client-1", "client-secret-1", "https://host.example/callback");
  private static final String PERSON = "{\"data\":" + Fixtures.person("1", "A", "2026-01-01T00:00:00Z") + "}";

  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final List<OAuthTokens> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private PcoClient client(OAuthTokens tokens) {
    return ClientFactory.builder(server, clock).oauth(APP, tokens, received::add).build();
  }

  private static OAuthTokens tokens(String access, String refresh, Duration validFor) {
    return new OAuthTokens(access, refresh, TestClock.START.plus(validFor), "people");
  }

  private static MockResponse tokenResponse(String access, String refresh) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"" + access + "\",\"token_type\":\"bearer\",\"expires_in\":7200,"
            + "\"refresh_token\":\"" + refresh + "\",\"scope\":\"people services\",\"created_at\":1700000000}")
        .build();
  }

  private static MockResponse unauthorizedHtml() {
    return new MockResponse.Builder().code(401).addHeader("Content-Type", "text/html")
        .addHeader("WWW-Authenticate", "Basic realm=\"Application\"").body("HTTP Basic: Access denied.\n").build();
  }

  @Test
  void authorizationUrlCarriesClientRedirectScopesAndState() {
    URI uri = client(null).oauth().authorizationUrl(List.of("people", "services"), "csrf-1");

    assertThat(uri.getPath()).isEqualTo("/oauth/authorize");
    assertThat(uri.getQuery()).isEqualTo("client_id=client-1&redirect_uri=https://host.example/callback"
        + "&response_type=code&scope=people services&state=csrf-1");
  }

  @Test
  void codeExchangePostsTheGrantAndHandsTokensToTheListener() throws Exception {
    PcoClient client = client(null);
    server.enqueue(tokenResponse("access-1", "refresh-1"));

    OAuthTokens t = client.oauth().exchangeCode("code-1");

    assertThat(t).isEqualTo(new OAuthTokens("access-1", "refresh-1", TestClock.START.plusSeconds(7200), "people services"));
    assertThat(received).containsExactly(t);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(r.getHeaders().get("Authorization")).isNull();
    assertThat(r.getBody().utf8()).isEqualTo("grant_type=authorization_code&code=code-1&client_id=client-1"
        + "&client_secret=client-secret-1&redirect_uri=https%3A%2F%2Fhost.example%2Fcallback");
  }

  @Test
  void requestsUseTheBearerToken() throws Exception {
    PcoClient client = client(tokens("access-1", "refresh-1", Duration.ofHours(1)));
    server.enqueue(Fixtures.json(PERSON));

    client.people().get("1");

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
  }

  @Test
  void tokenAboutToExpireIsRefreshedFirstAndRotatedTokenHandedBack() throws Exception {
    PcoClient client = client(tokens("access-1", "refresh-1", Duration.ofSeconds(60)));
    server.enqueue(tokenResponse("access-2", "refresh-2"));
    server.enqueue(Fixtures.json(PERSON));

    client.people().get("1");

    RecordedRequest refresh = server.takeRequest();
    assertThat(refresh.getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(refresh.getBody().utf8()).isEqualTo(
        "grant_type=refresh_token&refresh_token=refresh-1&client_id=client-1&client_secret=client-secret-1");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
    assertThat(received).extracting(OAuthTokens::refreshToken).containsExactly("refresh-2");
    assertThat(client.oauth().currentTokens()).map(OAuthTokens::accessToken).contains("access-2");
  }

  @Test
  void unauthorizedTriggersOneRefreshAndARetry() throws Exception {
    PcoClient client = client(tokens("access-1", "refresh-1", Duration.ofHours(1)));
    server.enqueue(unauthorizedHtml());
    server.enqueue(tokenResponse("access-2", "refresh-2"));
    server.enqueue(Fixtures.json(PERSON));

    PcoPerson p = client.people().get("1");

    assertThat(p.id()).isEqualTo("1");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/oauth/token");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
  }

  @Test
  void secondUnauthorizedAfterRefreshSurfacesTheError() {
    PcoClient client = client(tokens("access-1", "refresh-1", Duration.ofHours(1)));
    server.enqueue(unauthorizedHtml());
    server.enqueue(tokenResponse("access-2", "refresh-2"));
    server.enqueue(unauthorizedHtml());

    PcoApiException e = catchThrowableOfType(PcoApiException.class, () -> client.people().get("1"));

    assertThat(e.isUnauthorized()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void revokedGrantNeedsReauthorization() {
    PcoClient client = client(tokens("access-1", "refresh-1", Duration.ZERO));
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .body("{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is invalid, "
            + "expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.\"}")
        .build());

    NeedsReauthorizationException e =
        catchThrowableOfType(NeedsReauthorizationException.class, () -> client.people().get("1"));

    assertThat(e.getCause()).isInstanceOf(PcoApiException.class);
    assertThat(e.getMessage()).doesNotContain("refresh-1", "client-secret-1");
    assertThat(client.oauth().currentTokens()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void rejectedClientCredentialsAreAnApiErrorNotAReauthorization() {
    PcoClient client = client(null);
    server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
        .body("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}").build());

    PcoApiException e = catchThrowableOfType(PcoApiException.class, () -> client.oauth().exchangeCode("code-1"));

    assertThat(e.isUnauthorized()).isTrue();
    assertThat(e.errors()).extracting(PcoError::code).containsExactly("invalid_client");
    assertThat(e.getMessage()).doesNotContain("client-secret-1", "code-1");
  }

  @Test
  void notConnectedClientNeedsAuthorizationWithoutCallingPco() {
    PcoClient client = client(null);

    catchThrowableOfType(NeedsReauthorizationException.class, () -> client.people().get("1"));

    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void newBuilderCarriesTheCurrentRotatedTokens() throws Exception {
    PcoClient client = client(tokens("access-1", "refresh-1", Duration.ofSeconds(10)));
    server.enqueue(tokenResponse("access-2", "refresh-2"));
    server.enqueue(Fixtures.json(PERSON));
    server.enqueue(Fixtures.json(PERSON));
    client.people().get("1");

    client.newBuilder().build().people().get("1");

    server.takeRequest();
    server.takeRequest();
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
  }

  @Test
  void concurrentRequestsWithAnExpiredTokenRefreshOnlyOnce() throws Exception {
    PcoClient client = client(tokens("access-1", "refresh-1", Duration.ZERO));
    java.util.concurrent.atomic.AtomicInteger tokenCalls = new java.util.concurrent.atomic.AtomicInteger();
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/oauth/token")) {
          int n = tokenCalls.incrementAndGet();
          return tokenResponse("access-" + (n + 1), "refresh-" + (n + 1));
        }
        return Fixtures.json(PERSON);
      }
    });
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<PcoPerson>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> client.people().get("1")));
      }
      for (java.util.concurrent.Future<PcoPerson> f : futures) {
        f.get(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(tokenCalls.get()).isEqualTo(1);
    assertThat(received).extracting(OAuthTokens::refreshToken).containsExactly("refresh-2");
  }

  @Test
  void tokensNeverAppearInToString() {
    OAuthTokens t = tokens("access-1", "refresh-1", Duration.ofHours(1));

    assertThat(t.toString()).doesNotContain("access-1", "refresh-1");
    assertThat(APP.toString()).doesNotContain("client-secret-1");
    assertThat(client(t).toString()).doesNotContain("access-1", "client-secret-1");
  }
}
