package org.pcosync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * DEBUG request logging (enabled for logger {@code org.pcosync.client.http} by the surefire
 * configuration) never prints credentials or tokens.
 */
final class RedactionTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void start() throws Exception {
    server.start();
    originalErr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setErr(originalErr);
    server.close();
  }

  private String log() {
    System.err.flush();
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void debugLoggingIsOnForTheHttpLogger() {
    assertThat(LoggerFactory.getLogger("org.pcosync.client.http").isDebugEnabled()).isTrue();
  }

  @Test
  void basicCredentialsAreRedactedInDebugLog() {
    server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));

    ClientFactory.client(server, clock).people().get("45029164");

    String basic = Base64.getEncoder().encodeToString((ClientFactory.APP_ID + ":" + ClientFactory.SECRET).getBytes());
    assertThat(log()).contains("--> GET", "/people/v2/people/45029164", "Authorization: <redacted>", "<-- 200");
    assertThat(log()).doesNotContain(basic, ClientFactory.SECRET);
  }

  @Test
  void bearerTokenAndOAuthSecretsAreNeverLogged() {
    OAuthApp app = new OAuthApp("client-1", "client-secret-xyz", "https://host.example/cb");
    OAuthTokens expired = new OAuthTokens("access-old", "refresh-old", TestClock.START, null);
    PcoClient client = ClientFactory.builder(server, clock).oauth(app, expired, t -> {}).build();
    server.enqueue(Fixtures.json("{\"access_token\":\"access-new\",\"refresh_token\":\"refresh-new\",\"expires_in\":7200}"));
    server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));

    client.people().get("45029164");

    assertThat(log()).contains("/oauth/token", "Authorization: <redacted>");
    assertThat(log()).doesNotContain("access-old", "refresh-old", "access-new", "refresh-new", "client-secret-xyz");
    assertThat(clock.elapsed()).isEqualTo(Duration.ZERO);
  }
}
