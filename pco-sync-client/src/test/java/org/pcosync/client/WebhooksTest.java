package org.pcosync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class WebhooksTest {
  private static final String SECRET = "whsec-test-only";
  private static final String DELIVERY = "{\"data\":[{\"id\":\"cac783dc-75e7-4c5b-88e8-502d9d8682ae\","
      + "\"type\":\"EventDelivery\",\"attributes\":{\"name\":\"people.v2.events.person.updated\",\"attempt\":2,"
      + "\"payload\":\"{\\\"data\\\":{\\\"type\\\":\\\"Person\\\",\\\"id\\\":\\\"125587227\\\",\\\"attributes\\\":"
      + "{\\\"first_name\\\":\\\"Ada\\\",\\\"gender\\\":\\\"M\\\",\\\"updated_at\\\":\\\"2024-02-07T18:45:03Z\\\"},"
      + "\\\"links\\\":{\\\"\\\":\\\"x\\\"}},\\\"included\\\":[],\\\"meta\\\":{\\\"event_time\\\":\\\"2024-02-07T18:45:03Z\\\"}}\"},"
      + "\"relationships\":{\"organization\":{\"data\":{\"type\":\"Organization\",\"id\":\"263468\"}}}}]}";

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

  @Test
  void validSignatureVerifies() {
    byte[] body = DELIVERY.getBytes(StandardCharsets.UTF_8);
    String header = WebhookSignatures.sign(body, SECRET);

    assertThat(WebhookSignatures.verify(body, header, SECRET)).isTrue();
    assertThat(WebhookSignatures.verify(body, header.toUpperCase(), SECRET)).isTrue();
  }

  @Test
  void knownHmacTestVectorMatches() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookSignatures.sign(body, "Jefe"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void tamperedBodyWrongSecretOrMalformedHeaderFail() {
    byte[] body = DELIVERY.getBytes(StandardCharsets.UTF_8);
    String header = WebhookSignatures.sign(body, SECRET);
    byte[] tampered = DELIVERY.replace("Ada", "Eve").getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookSignatures.verify(tampered, header, SECRET)).isFalse();
    assertThat(WebhookSignatures.verify(body, header, "other")).isFalse();
    assertThat(WebhookSignatures.verify(body, "not-hex", SECRET)).isFalse();
    assertThat(WebhookSignatures.verify(body, null, SECRET)).isFalse();
  }

  @Test
  void deliveryPayloadStringIsParsedIntoThePerson() {
    List<WebhookDelivery> deliveries = client.webhooks().parseDeliveries(DELIVERY.getBytes(StandardCharsets.UTF_8));

    assertThat(deliveries).hasSize(1);
    WebhookDelivery d = deliveries.get(0);
    assertThat(d.id()).isEqualTo("cac783dc-75e7-4c5b-88e8-502d9d8682ae");
    assertThat(d.name()).isEqualTo("people.v2.events.person.updated");
    assertThat(d.action()).isEqualTo("updated");
    assertThat(d.attempt()).isEqualTo(2);
    assertThat(d.organizationId()).isEqualTo("263468");
    assertThat(d.resourceType()).isEqualTo("Person");
    assertThat(d.resourceId()).isEqualTo("125587227");
    assertThat(d.attributes()).containsEntry("first_name", "Ada");
    assertThat(d.eventTime()).isEqualTo(Instant.parse("2024-02-07T18:45:03Z"));
    assertThat(d.person().firstName()).isEqualTo("Ada");
    assertThat(d.person().gender()).isEqualTo("Male");
  }

  @Test
  void deliveryParsesWithoutAClient() {
    WebhookDelivery d = WebhookDelivery.parseAll(DELIVERY.getBytes(StandardCharsets.UTF_8)).get(0);

    assertThat(d).isEqualTo(client.webhooks().parseDeliveries(DELIVERY.getBytes(StandardCharsets.UTF_8)).get(0));
  }

  @Test
  void destroyedEventCarriesOnlyTheId() {
    String body = "{\"data\":[{\"id\":\"d1\",\"type\":\"EventDelivery\",\"attributes\":{\"name\":"
        + "\"people.v2.events.email.destroyed\",\"attempt\":1,\"payload\":\"{\\\"data\\\":{\\\"type\\\":\\\"Email\\\",\\\"id\\\":\\\"9\\\"}}\"}}]}";

    WebhookDelivery d = client.webhooks().parseDeliveries(body.getBytes(StandardCharsets.UTF_8)).get(0);

    assertThat(d.action()).isEqualTo("destroyed");
    assertThat(d.resourceType()).isEqualTo("Email");
    assertThat(d.resourceId()).isEqualTo("9");
    assertThat(d.attributes()).isEmpty();
    assertThat(d.person()).isNull();
  }

  @Test
  void malformedDeliveryIsAParseError() {
    assertThatThrownBy(() -> client.webhooks().parseDeliveries("{\"data\":[{\"attributes\":{\"payload\":\"{oops\"}}]}"
        .getBytes(StandardCharsets.UTF_8))).isInstanceOf(PcoParseException.class);
  }

  @Test
  void subscriptionsAreListedWithNumericApplicationId() throws Exception {
    server.enqueue(Fixtures.json("{\"data\":[{\"type\":\"WebhookSubscription\",\"id\":\"4\",\"attributes\":{"
        + "\"name\":\"people.v2.events.person.updated\",\"url\":\"https://host.example/hook\",\"active\":true,"
        + "\"authenticity_secret\":\"abc\",\"application_id\":978}}]}"));

    List<WebhookSubscription> subs = client.webhooks().subscriptions();

    assertThat(subs.get(0).applicationId()).isEqualTo("978");
    assertThat(subs.get(0).authenticitySecret()).isEqualTo("abc");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/webhooks/v2/webhook_subscriptions");
    assertThat(r.getHeaders().get("X-PCO-API-Version")).isEqualTo("2022-10-20");
  }

  @Test
  void subscriptionIsDeletedById() throws Exception {
    server.enqueue(Fixtures.noContent());

    client.webhooks().deleteSubscription("5");

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("DELETE");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/webhooks/v2/webhook_subscriptions/5");
  }

  @Test
  void subscriptionIsCreatedWithNameUrlAndActive() throws Exception {
    server.enqueue(Fixtures.json(201, "{\"data\":{\"type\":\"WebhookSubscription\",\"id\":\"5\",\"attributes\":{"
        + "\"name\":\"people.v2.events.person.created\",\"url\":\"https://host.example/hook\",\"active\":true,"
        + "\"authenticity_secret\":\"s\"}}}"));

    WebhookSubscription s = client.webhooks().createSubscription("people.v2.events.person.created", "https://host.example/hook", true);

    assertThat(s.id()).isEqualTo("5");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getBody().utf8()).isEqualTo("{\"data\":{\"type\":\"WebhookSubscription\",\"attributes\":{"
        + "\"name\":\"people.v2.events.person.created\",\"url\":\"https://host.example/hook\",\"active\":true}}}");
  }
}
