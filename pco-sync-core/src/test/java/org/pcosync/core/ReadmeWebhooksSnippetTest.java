package org.pcosync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncGroup;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.fake.FakePco;
import org.pcosync.testkit.fake.PersonSeed;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/**
 * Keeps README-webhooks.md's snippet compiling and working: the marked block below is the snippet,
 * run as a JDK {@link HttpServer} endpoint in front of a sync against the fake PCO.
 */
final class ReadmeWebhooksSnippetTest {
  private static final String EVENT = "people.v2.events.person.updated";

  private final MutableClock clock = MutableClock.create();
  private final HttpClient http = HttpClient.newHttpClient();
  private FakePco pco;
  private HttpServer endpoint;
  private InMemoryHost host;
  private String tedPcoId;

  @BeforeEach
  void start() throws IOException {
    pco = FakePco.builder().clock(clock).build().start();
    pco.people().setMeId(pco.people().addPerson(PersonSeed.of("Sam", "Admin")));
    tedPcoId = pco.people().addPerson(PersonSeed.builder("Ted", "Decker").email("ted@example.org").build());
    host = InMemoryHost.of(HostFixture.builder()
        .person("1", PersonData.builder().firstName("Ted").lastName("Decker").email("ted@example.org").build())
        .group("first-church", SyncGroup.permissionGroup("g", "g", PermissionLevel.VIEWER), "1").build(), clock);
    PcoAccount account = PcoAccount.builder("first-church")
        .credentials(PcoCredentials.personalAccessToken(pco.appId(), pco.secret()))
        .baseUrl(URI.create(pco.baseUrl())).build();
    PcoSync sync = PcoSync.builder().account(account).people(host.people()).groups(host.groups())
        .tags(host.tags()).state(new InMemorySyncStateStore()).clock(clock).sleeper(clock::advance).build();
    sync.run();
    Map<String, String> secrets = Map.of(EVENT, "secret-of-the-person-updated-subscription");
    endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext("/pco/webhooks", exchange -> {
      // ---- snippet (README-webhooks.md) ----
      byte[] body = exchange.getRequestBody().readAllBytes();           // the raw bytes, never re-serialised
      String event = exchange.getRequestHeaders().getFirst("X-PCO-Webhooks-Name");
      String secret = secrets.getOrDefault(event, "");                  // one secret per subscription
      int status;
      try {
        WebhookResult result = sync.handleWebhook(body,
            exchange.getRequestHeaders().getFirst("X-PCO-Webhooks-Authenticity"), secret);
        result.outcomes().forEach(System.out::println);                 // Synced, Ignored, LinkBroken, Failed
        status = result.shouldRedeliver() ? 503 : 200;                  // 503: PCO delivers again later
      } catch (WebhookRejectedException e) {
        status = 401;                                                   // bad signature or no delivery: nothing synced
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      // ---- end of snippet ----
    });
    endpoint.start();
  }

  @AfterEach
  void stop() {
    endpoint.stop(0);
    pco.close();
  }

  private int post(byte[] body, String signature) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/pco/webhooks"))
        .header("X-PCO-Webhooks-Name", EVENT)
        .header("X-PCO-Webhooks-Authenticity", signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void signedPersonUpdateIsSyncedToTheHostAndAnswered200() throws Exception {
    pco.people().updatePerson(tedPcoId, Map.of("middle_name", "Quincy"));
    byte[] body = WebhookDeliveries.body(EVENT, "Person", tedPcoId, "{\"middle_name\":\"Quincy\"}");

    int status = post(body, WebhookDeliveries.sign(body, "secret-of-the-person-updated-subscription"));

    assertThat(status).isEqualTo(200);
    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isEqualTo("Quincy");
  }

  @Test
  void wronglySignedDeliveryIsAnswered401AndSyncsNothing() throws Exception {
    pco.people().updatePerson(tedPcoId, Map.of("middle_name", "Quincy"));
    byte[] body = WebhookDeliveries.body(EVENT, "Person", tedPcoId, "{\"middle_name\":\"Quincy\"}");

    int status = post(body, WebhookDeliveries.sign(body, "guessed"));

    assertThat(status).isEqualTo(401);
    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isNull();
  }
}
