package org.pcosync.client;

import mockwebserver3.MockWebServer;

/** Builds clients against a local MockWebServer on a virtual clock. */
final class ClientFactory {
  static final String APP_ID = "app-id-123";
  static final String SECRET = "s3cr3t-pat";

  private ClientFactory() {}

  static PcoClient.Builder builder(MockWebServer server, TestClock clock) {
    String base = server.url("/").toString();
    return PcoClient.builder()
        .baseUrl(base)
        .uploadBaseUrl(base)
        .personalAccessToken(APP_ID, SECRET)
        .clock(clock)
        .sleeper(clock.sleeper())
        .jitterSeed(42L);
  }

  static PcoClient client(MockWebServer server, TestClock clock) {
    return builder(server, clock).build();
  }
}
