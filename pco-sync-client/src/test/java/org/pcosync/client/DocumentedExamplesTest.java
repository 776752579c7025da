package org.pcosync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example resources in PCO's own machine-readable documentation (2025 vertex files) parse
 * into the model: newer shapes than the 2018 recordings (street_line_1, e164, Services, Webhooks).
 */
final class DocumentedExamplesTest {
  private static final Instant DOC_TIME = Instant.parse("2000-01-01T12:00:00Z");
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
  void servicesPersonExampleParses() {
    server.enqueue(Fixtures.json(Fixtures.vertexExampleDocument("services-person.json", false)));

    ServicesPerson p = client.services().getPerson("1", false);

    assertThat(p.id()).isEqualTo("1");
    assertThat(p.permissions()).isEqualTo("string");
    assertThat(p.archived()).isTrue();
    assertThat(p.archivedAt()).isEqualTo(DOC_TIME);
    assertThat(p.updatedAt()).isEqualTo(DOC_TIME);
    assertThat(p.tagsLoaded()).isFalse();
  }

  @Test
  void phoneNumberExampleCarriesE164AndCarrier() {
    server.enqueue(Fixtures.json(Fixtures.vertexExampleDocument("people-phone_number.json", true)));

    PcoPhoneNumber n = client.people().phoneNumbers("1").get(0);

    assertThat(n.id()).isEqualTo("1");
    assertThat(n.personId()).isEqualTo("1");
    assertThat(n.e164()).isEqualTo("string");
    assertThat(n.carrier()).isEqualTo("string");
    assertThat(n.primary()).isTrue();
    assertThat(n.createdAt()).isEqualTo(DOC_TIME);
  }

  @Test
  void addressExampleUsesStreetLines() {
    server.enqueue(Fixtures.json(Fixtures.vertexExampleDocument("people-address.json", true)));

    PcoAddress a = client.people().addresses("1").get(0);

    assertThat(a.streetLine1()).isEqualTo("string");
    assertThat(a.streetLine2()).isEqualTo("string");
    assertThat(a.countryCode()).isEqualTo("string");
    assertThat(a.primary()).isTrue();
  }

  @Test
  void emailExampleCarriesBlocked() {
    server.enqueue(Fixtures.json(Fixtures.vertexExampleDocument("people-email.json", true)));

    PcoEmail e = client.people().emails("1").get(0);

    assertThat(e.address()).isEqualTo("string");
    assertThat(e.blocked()).isNotNull();
  }

  @Test
  void personExampleCarriesLoginIdentifier() {
    server.enqueue(Fixtures.json(Fixtures.vertexExampleDocument("people-person.json", false)));

    PcoPerson p = client.people().get("1");

    assertThat(p.loginIdentifier()).isEqualTo("string");
    assertThat(p.canLogIn()).isTrue();
  }

  @Test
  void personMergerExampleParses() {
    server.enqueue(Fixtures.json(Fixtures.vertexExampleDocument("people-person_merger.json", true)));

    PcoPersonMerger m = client.people().mergers(null).get(0);

    assertThat(m.personToKeepId()).isEqualTo("primary_key");
    assertThat(m.personToRemoveId()).isEqualTo("primary_key");
    assertThat(m.createdAt()).isEqualTo(DOC_TIME);
  }

  @Test
  void tagGroupAndTagExamplesParse() {
    server.enqueue(Fixtures.json(Fixtures.vertexExampleDocument("services-tag_group.json", true)));
    server.enqueue(Fixtures.json(Fixtures.vertexExampleDocument("services-tag.json", true)));

    PcoTagGroup g = client.services().tagGroups().get(0);
    PcoTag t = client.services().tags(g.id()).get(0);

    assertThat(g.required()).isTrue();
    assertThat(g.allowMultipleSelections()).isTrue();
    assertThat(g.tagsFor()).isEqualTo("string");
    assertThat(t.name()).isEqualTo("string");
    assertThat(t.tagGroupId()).isEqualTo("1");
  }

  @Test
  void emailTemplateExampleParses() {
    server.enqueue(Fixtures.json(Fixtures.vertexExampleDocument("services-email_template.json", true)));

    EmailTemplate t = client.services().emailTemplates().get(0);

    assertThat(t.kind()).isEqualTo("string");
    assertThat(t.subject()).isEqualTo("string");
    assertThat(t.htmlBody()).isEqualTo("string");
  }

  @Test
  void webhookSubscriptionExampleParses() {
    server.enqueue(Fixtures.json(Fixtures.vertexExampleDocument("webhooks-webhook_subscription.json", true)));

    WebhookSubscription s = client.webhooks().subscriptions().get(0);

    assertThat(s.active()).isTrue();
    assertThat(s.authenticitySecret()).isEqualTo("string");
    assertThat(s.toString()).doesNotContain("authenticitySecret=string");
  }
}
