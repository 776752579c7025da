package org.pcosync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncGroup;
import org.pcosync.core.port.InMemoryPcoPort;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

final class PcoSyncTest {
  private final MutableClock clock = MutableClock.create();
  private final InMemorySyncStateStore state = new InMemorySyncStateStore();
  private final InMemoryPcoPort pco = InMemoryPcoPort.builder().clock(clock).build();
  private final InMemoryHost host = InMemoryHost.of(HostFixture.builder()
      .person("1", PersonData.builder().firstName("Ted").lastName("Decker").email("ted@example.org").build())
      .person("2", PersonData.builder().firstName("Alisha").lastName("Marble").email("alisha@example.org").build())
      .group("first", SyncGroup.permissionGroup("editors", "Editors", PermissionLevel.EDITOR), "1", "2")
      .group("second", SyncGroup.permissionGroup("viewers", "Viewers", PermissionLevel.VIEWER), "1")
      .build(), clock);

  PcoSyncTest() {
    pco.setMe(pco.admin().createPerson(java.util.Map.of(org.pcosync.core.port.PersonAttribute.FIRST_NAME, "Me",
        org.pcosync.core.port.PersonAttribute.LAST_NAME, "Admin")).id());
  }

  private static PcoAccount account(String id) {
    return PcoAccount.builder(id).credentials(PcoCredentials.personalAccessToken("app", "secret")).build();
  }

  private PcoSync.Builder builder(String accountId) {
    return PcoSync.builder().account(account(accountId)).people(host.people()).groups(host.groups())
        .tags(host.tags()).state(state).clock(clock).port(pco);
  }

  @Test
  void secondConcurrentRunFailsFastNamingTheHolder() {
    state.tryAcquireLease("first", "host-b/pid-7", clock.instant(), Duration.ofMinutes(10));

    assertThatThrownBy(() -> builder("first").build().run())
        .isInstanceOfSatisfying(SyncAlreadyRunningException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.RUN_IN_PROGRESS);
          assertThat(e.holder().owner()).isEqualTo("host-b/pid-7");
          assertThat(e.getMessage()).contains("host-b/pid-7");
        });
    assertThat(pco.calls()).isEmpty();
  }

  @Test
  void runReleasesItsLeaseSoTheNextRunCanStart() {
    PcoSync sync = builder("first").build();
    sync.run();
    clock.advance(Duration.ofMinutes(1));

    SyncReport second = sync.run();

    assertThat(second.failures()).isEmpty();
  }

  @Test
  void expiredLeaseOfACrashedRunIsTakenOver() {
    state.tryAcquireLease("first", "crashed", clock.instant(), Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(11));

    SyncReport report = builder("first").build().run();

    assertThat(report.created()).hasSize(2);
  }

  @Test
  void leaseIsRenewedWhileALongRunReadsSoNoOtherRunCanTakeIt() {
    InMemoryPcoPort paged = InMemoryPcoPort.builder().clock(clock).pageSize(1).build();
    paged.setMe("nobody");
    for (int i = 0; i < 5; i++) {
      paged.admin().createPerson(java.util.Map.of(org.pcosync.core.port.PersonAttribute.LAST_NAME, "Other" + i));
    }
    List<Boolean> competitorGotTheLease = new ArrayList<>();
    SyncListener slowPages = new SyncListener() {
      @Override
      public void pageRead(String what, int count) {
        clock.advance(Duration.ofSeconds(40));
        competitorGotTheLease.add(
            state.tryAcquireLease("first", "competitor", clock.instant(), Duration.ofMinutes(1)).isPresent());
      }
    };

    builder("first").port(paged).listener(slowPages).leaseTtl(Duration.ofMinutes(1)).build().run();

    assertThat(competitorGotTheLease).hasSizeGreaterThan(3).containsOnly(false);
  }

  @Test
  void dryRunReturnsThePlanAndWritesNothing() {
    SyncPlan plan = builder("first").build().dryRun();

    assertThat(plan.hasChanges()).isTrue();
    assertThat(plan.people()).extracting(PersonPlan::hostPersonId).containsExactly("1", "2");
    assertThat(pco.writes()).isEmpty();
    assertThat(state.links("first")).isEmpty();
  }

  @Test
  void applyingAReviewedPlanMakesItsWritesAndLeavesNothingToDo() {
    PcoSync sync = builder("first").build();
    SyncPlan plan = sync.dryRun();

    SyncReport report = sync.apply(plan);

    assertThat(report.created()).hasSize(2);
    assertThat(sync.dryRun().hasChanges()).isFalse();
  }

  @Test
  void applyingAPlanOvertakenByAnotherRunSkipsThePersonInsteadOfOverwriting() {
    PcoSync sync = builder("first").build();
    sync.run();
    host.people().edit("1", d -> d.toBuilder().middleName("Q").build());
    clock.advance(Duration.ofMinutes(1));
    SyncPlan old = sync.dryRun();
    clock.advance(Duration.ofMinutes(1));
    sync.run();
    pco.clearCalls();

    SyncReport report = sync.apply(old);

    assertThat(pco.writes()).isEmpty();
    assertThat(report.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("changed since the plan"));
  }

  @Test
  void planToStringIsDeterministic() {
    String first = builder("first").build().dryRun().toString();
    String second = builder("first").build().dryRun().toString();

    assertThat(first).isEqualTo(second).contains("CreatePerson").contains("RaisePermission[Absent -> Editor]");
  }

  @Test
  void accountsAreIndependent() {
    InMemoryPcoPort otherOrg = InMemoryPcoPort.builder().clock(clock).firstId(5000).build();
    otherOrg.setMe("1");
    builder("first").build().run();

    SyncReport second = builder("second").port(otherOrg).build().run();

    assertThat(second.created()).extracting(PersonRef::hostPersonId).containsExactly("1");
    assertThat(state.links("first")).hasSize(2);
    assertThat(state.links("second")).hasSize(1);
  }

  @Test
  void syncPersonSyncsOnlyThatPerson() {
    SyncReport report = builder("first").build().syncPerson("2");

    assertThat(report.created()).extracting(PersonRef::hostPersonId).containsExactly("2");
    assertThat(state.links("first")).hasSize(1);
  }

  @Test
  void listenerHearsProgressAndItsExceptionsNeverStopTheRun() {
    List<String> heard = new ArrayList<>();
    SyncListener listener = new SyncListener() {
      @Override
      public void personApplied(PersonPlan plan, int done, int total) {
        heard.add(done + "/" + total);
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void runFinished(SyncReport report) {
        heard.add("finished");
      }
    };

    SyncReport report = builder("first").listener(listener).build().run();

    assertThat(heard).containsExactly("1/2", "2/2", "finished");
    assertThat(report.created()).hasSize(2);
  }

  @Test
  void hostFailureForOnePersonIsReportedAndTheOthersAreSynced() {
    PcoSync sync = builder("first").build();
    sync.run();
    String ted = state.linkByHost("first", "1").orElseThrow().pcoPersonId();
    pco.admin().updatePerson(ted, java.util.Map.of(org.pcosync.core.port.PersonAttribute.MIDDLE_NAME, "Q"));
    host.people().delete("2");
    clock.advance(Duration.ofMinutes(1));

    SyncReport report = sync.run();

    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isEqualTo("Q");
    assertThat(report.updated()).extracting(FieldUpdate::hostPersonId).containsExactly("1");
  }

  @Test
  void failedAddToServicesLeavesPeopleWritesDoneAndIsRetriedNextRun() {
    String ted = pco.admin().createPerson(java.util.Map.of(org.pcosync.core.port.PersonAttribute.FIRST_NAME, "Ted",
        org.pcosync.core.port.PersonAttribute.LAST_NAME, "Decker", org.pcosync.core.port.PersonAttribute.MIDDLE_NAME, "Q")).id();
    pco.admin().addEmail(ted, "ted@example.org", "Home", true);
    pco.failNext(InMemoryPcoPort.Operation.ADD_TO_SERVICES, false,
        new org.pcosync.core.port.PcoUnavailableException("HTTP 503", null));
    PcoSync sync = builder("first").build();

    SyncReport first = sync.run();

    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isEqualTo("Q");
    assertThat(first.failures()).extracting(SyncFailure::field).containsExactly(org.pcosync.api.SyncField.PERMISSION);
    clock.advance(Duration.ofMinutes(1));
    SyncReport second = sync.run();
    assertThat(pco.admin().servicesPerson(ted).orElseThrow().state().toString()).isEqualTo("Editor");
    assertThat(second.failures()).isEmpty();
  }

  @Test
  void reportToStringListsFailuresWithHostIdPcoIdFieldAndReason() {
    SyncReport report = new SyncReport("a", org.pcosync.api.RunMode.FULL, clock.instant(), clock.instant(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(new SyncFailure("7", "1001", org.pcosync.api.SyncField.EMAIL, ErrorCode.INVALID_VALUE, "malformed")));

    assertThat(report.toString()).endsWith("failed host 7 / PCO 1001 EMAIL: INVALID_VALUE malformed");
  }
}
