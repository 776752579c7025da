package org.pcosync.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncGroup;
import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.core.PcoSync;
import org.pcosync.core.SyncReport;
import org.pcosync.core.admin.RevertReport;
import org.pcosync.core.port.InMemoryPcoPort;
import org.pcosync.core.port.PersonAttribute;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;

/**
 * The journal through the JDBC store on H2: held plans (whose person plans span lines) and runs
 * (whose values may hold the encoding's escape character) survive a restart, i.e. a new store
 * over the same database.
 */
final class JdbcJournalTest {
  private static final String ACCOUNT = "first-church";

  private final MutableClock clock = MutableClock.create();
  private final TestDatabase db = TestDatabase.h2();
  private final InMemoryPcoPort pco = InMemoryPcoPort.builder().clock(clock).build();
  private final InMemoryHost host = InMemoryHost.of(HostFixture.builder()
      .person("1", PersonData.builder().firstName("Ann").lastName("Smith").email("ann@example.org").build())
      .person("2", PersonData.builder().firstName("Bob").lastName("Jones").email("bob@example.org").build())
      .group(ACCOUNT, SyncGroup.permissionGroup("volunteers", "Volunteers", PermissionLevel.SCHEDULED_VIEWER), "1", "2")
      .build(), clock);

  @BeforeEach
  void createTables() {
    db.newStore().migrate();
  }

  @AfterEach
  void dropDatabase() {
    db.closeUnchecked();
  }

  private PcoSync sync(SyncStateStore state, int stoppagePercentage) {
    PcoAccount account = PcoAccount.builder(ACCOUNT).credentials(PcoCredentials.personalAccessToken("app", "s"))
        .stoppagePercentage(stoppagePercentage).stoppageMinimumPeople(0).build();
    return PcoSync.builder().account(account).people(host.people()).groups(host.groups()).tags(host.tags())
        .state(state).clock(clock).port(pco).build();
  }

  private SyncReport run(PcoSync sync) {
    clock.advance(Duration.ofMinutes(5));
    return sync.run();
  }

  private String lastNameInPco(String hostId, SyncStateStore state) {
    String id = state.linkByHost(ACCOUNT, hostId).orElseThrow().pcoPersonId();
    return pco.person(id).orElseThrow().attribute(PersonAttribute.LAST_NAME);
  }

  @Test
  void heldPlanSurvivesARestartAndIsAppliedThroughANewStore() {
    run(sync(db.newStore(), 10));
    host.people().edit("1", d -> d.toBuilder().lastName("Smythe").build());
    SyncReport held = run(sync(db.newStore(), 10));

    JdbcSyncStateStore restarted = db.newStore();
    SyncReport applied = sync(restarted, 10).admin().applyHeldPlan(held.journalId());

    assertThat(held.isHeld()).isTrue();
    assertThat(applied.updated()).hasSize(1);
    assertThat(lastNameInPco("1", restarted)).isEqualTo("Smythe");
  }

  @Test
  void revertThroughANewStoreRestoresAValueAfterOneWithABackslash() {
    run(sync(db.newStore(), 100));
    host.people().edit("1", d -> d.toBuilder().lastName("O\\Brien").build());
    SyncReport run = run(sync(db.newStore(), 100));
    assertThat(lastNameInPco("1", db.newStore())).isEqualTo("O\\Brien");
    host.people().edit("1", d -> d.toBuilder().middleName("unrelated").build());

    JdbcSyncStateStore restarted = db.newStore();
    RevertReport revert = sync(restarted, 100).admin().revert(run.journalId());

    assertThat(revert.notReverted()).isEmpty();
    assertThat(lastNameInPco("1", restarted)).isEqualTo("Smith");
  }
}
