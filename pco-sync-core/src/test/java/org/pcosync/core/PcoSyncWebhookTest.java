package org.pcosync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.Link;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncGroup;
import org.pcosync.api.spi.GroupRepository;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.api.spi.TagAttributeStore;
import org.pcosync.core.port.InMemoryPcoPort;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PersonAttribute;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/** {@link PcoSync#handleWebhook}: what is refused before anything is read, and when PCO should redeliver. */
final class PcoSyncWebhookTest {
  private static final String SECRET = "whsec-test-only";
  private static final String UPDATED = "people.v2.events.person.updated";

  private final List<String> calls = new ArrayList<>();

  private <T> T recording(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
      if (m.getDeclaringClass() == Object.class) {
        return m.getName().equals("equals") ? proxy == args[0] : m.getName().equals("hashCode")
            ? System.identityHashCode(proxy) : type.getSimpleName();
      }
      calls.add(type.getSimpleName() + "." + m.getName());
      throw new AssertionError("unexpected call " + m);
    }));
  }

  private PcoSync recordingSync() {
    return PcoSync.builder()
        .account(PcoAccount.builder("first").credentials(PcoCredentials.personalAccessToken("app", "s")).build())
        .people(recording(PersonRepository.class)).groups(recording(GroupRepository.class))
        .tags(recording(TagAttributeStore.class)).state(recording(SyncStateStore.class))
        .port(recording(PcoPort.class)).build();
  }

  @Test
  void wrongSignatureIsRefusedWithoutAnyPcoOrHostCall() {
    byte[] body = WebhookDeliveries.body(UPDATED, "Person", "1001", "{}");

    assertThatThrownBy(() -> recordingSync().handleWebhook(body, WebhookDeliveries.sign(body, "other"), SECRET))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
          assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.BAD_SIGNATURE);
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
          assertThat(e.getMessage()).doesNotContain(SECRET);
        });
    assertThat(calls).isEmpty();
  }

  @Test
  void missingSignatureIsRefusedWithoutAnyPcoOrHostCall() {
    byte[] body = WebhookDeliveries.body(UPDATED, "Person", "1001", "{}");

    assertThatThrownBy(() -> recordingSync().handleWebhook(body, null, SECRET))
        .isInstanceOf(WebhookRejectedException.class);
    assertThat(calls).isEmpty();
  }

  @Test
  void emptySecretRefusesEveryDeliveryWithoutAnyCall() {
    byte[] body = WebhookDeliveries.body(UPDATED, "Person", "1001", "{}");

    assertThatThrownBy(() -> recordingSync().handleWebhook(body, WebhookDeliveries.sign(body, "x"), ""))
        .isInstanceOfSatisfying(WebhookRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.BAD_SIGNATURE));
    assertThat(calls).isEmpty();
  }

  @Test
  void signedBodyThatIsNoDeliveryIsRefusedAsMalformed() {
    byte[] body = "<html>not json</html>".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> recordingSync().handleWebhook(body, WebhookDeliveries.sign(body, SECRET), SECRET))
        .isInstanceOfSatisfying(WebhookRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.MALFORMED_BODY));
    assertThat(calls).isEmpty();
  }

  @Test
  void updateWhileARunHoldsTheLeaseFailsRetryablySoPcoRedelivers() {
    MutableClock clock = MutableClock.create();
    InMemorySyncStateStore state = new InMemorySyncStateStore();
    InMemoryPcoPort pco = InMemoryPcoPort.builder().clock(clock).build();
    String pcoId = pco.admin().createPerson(Map.of(PersonAttribute.FIRST_NAME, "Ted",
        PersonAttribute.LAST_NAME, "Decker")).id();
    InMemoryHost host = InMemoryHost.of(HostFixture.builder()
        .person("1", PersonData.builder().firstName("Ted").lastName("Decker").email("ted@example.org").build())
        .group("first", SyncGroup.permissionGroup("g", "g", PermissionLevel.VIEWER), "1").build(), clock);
    state.saveLink(Link.create("first", "1", pcoId, clock.instant()));
    state.tryAcquireLease("first", "nightly-job", clock.instant(), Duration.ofMinutes(10));
    PcoSync sync = PcoSync.builder()
        .account(PcoAccount.builder("first").credentials(PcoCredentials.personalAccessToken("app", "s")).build())
        .people(host.people()).groups(host.groups()).tags(host.tags()).state(state).clock(clock).port(pco).build();
    byte[] body = WebhookDeliveries.body(UPDATED, "Person", pcoId, "{}");

    WebhookResult result = sync.handleWebhook(body, WebhookDeliveries.sign(body, SECRET), SECRET);

    assertThat(result.outcomes()).singleElement().isInstanceOfSatisfying(WebhookOutcome.Failed.class, f -> {
      assertThat(f.code()).isEqualTo(ErrorCode.RUN_IN_PROGRESS);
      assertThat(f.retryable()).isTrue();
    });
    assertThat(result.shouldRedeliver()).isTrue();
    assertThat(pco.calls()).isEmpty();
  }
}
