package org.pcosync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class ClientListenerTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private PcoClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = ClientFactory.builder(server, clock).listener(new PcoClientListener() {
      @Override
      public void requestCompleted(String method, String path, int status) {
        events.add(method + " " + path + " " + status);
      }

      @Override
      public void retrying(String method, String path, int attempt, Duration delay, String reason) {
        events.add("retry " + attempt + " " + reason);
      }

      @Override
      public void paced(Duration delay) {
        events.add("paced " + delay);
      }
    }).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void listenerSeesEveryAnswerAndEveryRetry() {
    server.enqueue(Fixtures.json(503, ""));
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
    server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));

    client.people().get("45029164");

    String path = "/people/v2/people/45029164?include=emails,phone_numbers,addresses";
    assertThat(events).containsExactly(
        "GET " + path + " 503",
        "retry 1 HTTP 503",
        "GET " + path + " 429",
        "retry 2 HTTP 429",
        "GET " + path + " 200");
  }

  @Test
  void listenerSeesPacingWaits() {
    server.enqueue(new MockResponse.Builder().addHeader("X-PCO-API-Request-Rate-Limit", "1")
        .addHeader("X-PCO-API-Request-Rate-Count", "1").addHeader("X-PCO-API-Request-Rate-Period", "20")
        .body("{\"data\":" + Fixtures.person("1", "A", "2026-01-01T00:00:00Z") + "}").build());
    server.enqueue(Fixtures.json("{\"data\":" + Fixtures.person("1", "A", "2026-01-01T00:00:00Z") + "}"));

    client.people().get("1");
    client.people().get("1");

    assertThat(events).filteredOn(e -> e.startsWith("paced")).containsExactly("paced PT20S");
  }

  @Test
  void throwingListenerDoesNotBreakRequests() {
    PcoClient noisy = client.newBuilder().listener(new PcoClientListener() {
      @Override
      public void requestCompleted(String method, String path, int status) {
        throw new IllegalStateException("listener bug");
      }
    }).build();
    server.enqueue(Fixtures.fixture("people-get-person-45029164.json"));

    assertThat(noisy.people().get("45029164").id()).isEqualTo("45029164");
  }
}
