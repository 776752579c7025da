package org.pcosync.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pcosync.api.Link;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncGroup;
import org.pcosync.core.PcoSync;
import org.pcosync.core.WebhookDeliveries;
import org.pcosync.core.WebhookOutcome;
import org.pcosync.core.WebhookRejectedException;
import org.pcosync.core.WebhookResult;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/**
 * Webhooks as targeted single-person syncs (DESIGN §10), written once and run on the in-memory port
 * and end to end on the fake PCO. Deliveries are built and signed here (hex HMAC-SHA256 of the raw
 * body), as PCO sends them.
 */
abstract class WebhookScenarios {
  static final String ACCOUNT = "first-church";
  static final String SECRET = "whsec-test-only";

  final MutableClock clock = MutableClock.create();
  final InMemorySyncStateStore state = new InMemorySyncStateStore();
  PcoWorld pco;
  InMemoryHost host;
  PcoSync sync;
  String tedPcoId;

  abstract PcoWorld newWorld(MutableClock clock);

  /** Merges {@code removeId} into {@code keepId} as an admin in PCO would. */
  abstract void mergeInPco(String keepId, String removeId);

  @BeforeEach
  void linkTed() {
    pco = newWorld(clock);
    pco.setMe(pco.addPerson("Sam", "Admin", "admin@church.example"));
    tedPcoId = pco.addPerson("Ted", "Decker", "ted@example.org");
    host = InMemoryHost.of(HostFixture.builder()
        .person("1", PersonData.builder().firstName("Ted").lastName("Decker").email("ted@example.org").build())
        .group(ACCOUNT, SyncGroup.permissionGroup("volunteers", "volunteers", PermissionLevel.SCHEDULED_VIEWER), "1")
        .build(), clock);
    PcoAccount account = PcoAccount.builder(ACCOUNT).credentials(PcoCredentials.personalAccessToken("app", "secret"))
        .baseUrl(URI.create(pco.baseUrl())).build();
    sync = PcoSync.builder().account(account).people(host.people()).groups(host.groups()).tags(host.tags())
        .state(state).clock(clock).port(pco.port()).build();
    sync.run();
    clock.advance(Duration.ofMinutes(5));
    pco.clearRequests();
  }

  @AfterEach
  void stopPco() {
    pco.close();
  }

  WebhookOutcome deliver(String eventName, String type, String id, String attributesJson) {
    byte[] body = WebhookDeliveries.body(eventName, type, id, attributesJson);
    WebhookResult result = sync.handleWebhook(body, WebhookDeliveries.sign(body, SECRET), SECRET);
    assertThat(result.outcomes()).hasSize(1);
    return result.outcomes().get(0);
  }

  @Test
  void pcoEditOfALinkedPersonReachesTheHostAtOnce() {
    pco.setAttribute(tedPcoId, "middle_name", "Quincy");

    WebhookOutcome o = deliver("people.v2.events.person.updated", "Person", tedPcoId, "{\"middle_name\":\"Quincy\"}");

    assertThat(o).isInstanceOfSatisfying(WebhookOutcome.Synced.class, s -> {
      assertThat(s.hostPersonId()).isEqualTo("1");
      assertThat(s.report().failures()).isEmpty();
    });
    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isEqualTo("Quincy");
  }

  @Test
  void updateOfAPcoPersonLinkedToNoHostPersonIsIgnored() {
    String stranger = pco.addPerson("Nora", "Stranger", "nora@example.org");

    WebhookOutcome o = deliver("people.v2.events.person.updated", "Person", stranger, "{\"first_name\":\"Nora\"}");

    assertThat(o).isInstanceOfSatisfying(WebhookOutcome.Ignored.class,
        i -> assertThat(i.reason()).contains("linked to no host person"));
    assertThat(host.people().size()).isEqualTo(1);
    assertThat(pco.writes()).isEmpty();
  }

  @Test
  void createdPcoPersonIsIgnoredBecauseTheHostIsTheMaster() {
    String newcomer = pco.addPerson("Nora", "Newcomer", "nora@example.org");

    WebhookOutcome o = deliver("people.v2.events.person.created", "Person", newcomer, "{\"first_name\":\"Nora\"}");

    assertThat(o).isInstanceOfSatisfying(WebhookOutcome.Ignored.class,
        i -> assertThat(i.reason()).contains("host is the master"));
    assertThat(host.people().size()).isEqualTo(1);
  }

  @Test
  void destroyedLinkedPersonIsReportedAsABrokenLinkAndHostDataIsKept() {
    WebhookOutcome o = deliver("people.v2.events.person.destroyed", "Person", tedPcoId, "{}");

    assertThat(o).isInstanceOfSatisfying(WebhookOutcome.LinkBroken.class, b -> {
      assertThat(b.hostStableId()).isEqualTo("1");
      assertThat(b.pcoPersonId()).isEqualTo(tedPcoId);
    });
    assertThat(host.people().findById("1")).isPresent();
    assertThat(state.linkByHost(ACCOUNT, "1").map(Link::pcoPersonId)).contains(tedPcoId);
  }

  @Test
  void mergeInPcoMovesTheLinkToTheKeptPersonAndSyncsIt() {
    String kept = pco.addPerson("Teddy", "Decker", "teddy@example.org");
    mergeInPco(kept, tedPcoId);

    WebhookOutcome o = deliver("people.v2.events.person_merger.created", "PersonMerger", "m1",
        "{\"person_to_keep_id\":\"" + kept + "\",\"person_to_remove_id\":\"" + tedPcoId + "\"}");

    assertThat(o).isInstanceOfSatisfying(WebhookOutcome.Synced.class, s -> {
      assertThat(s.pcoPersonId()).isEqualTo(kept);
      assertThat(s.hostPersonId()).isEqualTo("1");
    });
    assertThat(state.linkByHost(ACCOUNT, "1").map(Link::pcoPersonId)).contains(kept);
    assertThat(pco.writes()).doesNotContain("POST /people/v2/people");
  }

  @Test
  void deliveryWithAWrongSignatureIsRefusedAndSyncsNothing() {
    pco.setAttribute(tedPcoId, "middle_name", "Quincy");
    byte[] body = WebhookDeliveries.body("people.v2.events.person.updated", "Person", tedPcoId, "{\"middle_name\":\"Quincy\"}");

    assertThatThrownBy(() -> sync.handleWebhook(body, WebhookDeliveries.sign(body, "another-secret"), SECRET))
        .isInstanceOfSatisfying(WebhookRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.BAD_SIGNATURE));
    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isNull();
  }
}
