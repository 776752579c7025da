package org.pcosync.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pcosync.api.ConflictPolicy;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.JournalEntry;
import org.pcosync.api.Link;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.SyncField;
import org.pcosync.api.SyncGroup;
import org.pcosync.api.SyncProfile;
import org.pcosync.core.PcoSync;
import org.pcosync.core.SyncReport;
import org.pcosync.core.admin.AccountStatus;
import org.pcosync.core.admin.HeldConflict;
import org.pcosync.core.admin.PcoSyncAdmin;
import org.pcosync.core.admin.Resolution;
import org.pcosync.core.admin.RevertReport;
import org.pcosync.core.admin.SyncSetPreview;
import org.pcosync.core.port.PcoPort;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/**
 * The scenarios of issue 7 (guard, held plans, revert, merges, conflicts held for review, admin
 * operations), written once against {@link PcoWorld} and run on the in-memory port and end to end
 * on the fake PCO. Script both sides, run, verify both sides, the report and the request log.
 */
abstract class AdminScenarios {
  static final String ACCOUNT = "first-church";

  final MutableClock clock = MutableClock.create();
  final InMemorySyncStateStore state = new InMemorySyncStateStore();
  PcoWorld pco;
  InMemoryHost host;

  abstract PcoWorld newWorld(MutableClock clock);

  /** Merges {@code removeId} into {@code keepId} as an admin in PCO would (a person_merger is recorded). */
  abstract void mergeInPco(String keepId, String removeId);

  @BeforeEach
  void startPco() {
    pco = newWorld(clock);
    pco.setMe(pco.addPerson("Sam", "Admin", "admin@church.example"));
  }

  @AfterEach
  void stopPco() {
    pco.close();
  }

  // ---- fixtures -------------------------------------------------------------------------------------

  static PersonData person(String first, String last, String email) {
    return PersonData.builder().firstName(first).lastName(last).email(email).build();
  }

  /**
   * How many people the mass-change scenarios sync: 200 on the in-memory port; fewer end to end,
   * where each create is several HTTP requests (the same shares of changes: the guard sees 25 %).
   */
  int population() {
    return 200;
  }

  /** {@link #population()} people in "volunteers" (Scheduled Viewer); the first eighth also in "leaders" (Editor). */
  void everyone() {
    int n = population();
    HostFixture.Builder f = HostFixture.builder();
    String[] all = new String[n];
    for (int i = 1; i <= n; i++) {
      f.person(String.valueOf(i), person("P" + i, "Person", "p" + i + "@example.org"));
      all[i - 1] = String.valueOf(i);
    }
    f.group(ACCOUNT, SyncGroup.permissionGroup("volunteers", "Volunteers", PermissionLevel.SCHEDULED_VIEWER), all);
    String[] leaders = new String[n / 8];
    System.arraycopy(all, 0, leaders, 0, n / 8);
    f.group(ACCOUNT, SyncGroup.permissionGroup("leaders", "Leaders", PermissionLevel.EDITOR), leaders);
    host = InMemoryHost.of(f.build(), clock);
  }

  /** Ann (1, leader and volunteer), Bob (2, volunteer), Cy (3, in no group yet). */
  void three() {
    host = InMemoryHost.of(HostFixture.builder()
        .person("1", PersonData.builder().firstName("Ann").lastName("Smith").email("ann@example.org")
            .phone(PhoneType.MOBILE, "555-123-4567").build())
        .person("2", person("Bob", "Jones", "bob@example.org"))
        .person("3", person("Cy", "Young", "cy@example.org"))
        .group(ACCOUNT, SyncGroup.permissionGroup("volunteers", "Volunteers", PermissionLevel.SCHEDULED_VIEWER), "1", "2")
        .group(ACCOUNT, SyncGroup.permissionGroup("leaders", "Leaders", PermissionLevel.EDITOR), "1")
        .build(), clock);
  }

  /** {@link #three()} synced once without the guard; returns that account. */
  PcoAccount syncedThree() {
    three();
    PcoAccount account = unguarded();
    run(account);
    return account;
  }

  /** The account with the default guard (10 %, 25 archives) and downgrade on. */
  PcoAccount.Builder account() {
    return PcoAccount.builder(ACCOUNT).name("First Church")
        .credentials(PcoCredentials.personalAccessToken("app", "secret"))
        .baseUrl(URI.create(pco.baseUrl()))
        .allowPermissionDowngrade(true)
        .stoppageMinimumPeople(0); // small populations: the guard's percentage alone is under test
  }

  PcoAccount unguarded() {
    return account().stoppagePercentage(100).build();
  }

  PcoSync sync(PcoAccount account) {
    return sync(account, pco.port());
  }

  PcoSync sync(PcoAccount account, PcoPort port) {
    return PcoSync.builder().account(account).people(host.people()).groups(host.groups()).tags(host.tags())
        .state(state).clock(clock).port(port).build();
  }

  /** The admin of a sync whose every PCO call fails: for operations that must not call PCO. */
  PcoSyncAdmin offlineAdmin(PcoAccount account) {
    return sync(account, new ForwardingPcoPort(null)).admin();
  }

  SyncReport run(PcoAccount account) {
    clock.advance(Duration.ofMinutes(5));
    return sync(account).run();
  }

  String pcoIdOf(String hostId) {
    return state.linkByHost(ACCOUNT, hostId).map(Link::pcoPersonId).orElseThrow();
  }

  void editHost(String id, java.util.function.UnaryOperator<PersonData.Builder> edit) {
    host.people().edit(id, d -> edit.apply(d.toBuilder()).build());
  }

  static String digits(String s) {
    return s.replaceAll("[^0-9]", "");
  }

  // ---- mass-change guard and held plans -------------------------------------------------------------

  @Test
  void firstSyncOfEveryoneIsNotHeldByATenPercentGuard() {
    everyone();

    SyncReport report = run(account().build());

    assertThat(report.isHeld()).isFalse();
    assertThat(report.created()).hasSize(population());
  }

  @Test
  void removingAQuarterFromTheirGroupsWithDowngradeIsHeldThenAppliedByTheAdmin() {
    everyone();
    int n = population();
    int eighth = n / 8;
    PcoAccount account = account().build();
    run(account);
    for (int i = 1; i <= eighth; i++) {
      host.groups().removeMember("leaders", String.valueOf(i));              // Editor -> Scheduled Viewer
      host.groups().removeMember("volunteers", String.valueOf(i + eighth));  // leaves the set: archived
    }
    pco.clearRequests();

    SyncReport held = run(account);

    assertThat(held.isHeld()).isTrue();
    assertThat(held.held().changedLinkedPeople()).isEqualTo(2 * eighth);
    assertThat(held.held().linkedPeople()).isEqualTo(n);
    assertThat(held.summary()).contains("would change " + 2 * eighth + " of " + n + " linked people (25%, limit 10%)");
    assertThat(pco.writes()).isEmpty();
    assertThat(pco.servicesState(pcoIdOf("1"))).isEqualTo("Editor");

    PcoSyncAdmin admin = sync(account).admin();
    assertThat(admin.heldPlans()).singleElement().satisfies(h -> assertThat(h.id()).isEqualTo(held.journalId()));
    SyncReport applied = admin.applyHeldPlan(held.journalId());

    assertThat(applied.lowered()).hasSize(eighth);
    assertThat(applied.archived()).hasSize(eighth);
    assertThat(pco.servicesState(pcoIdOf("1"))).isEqualTo("Scheduled Viewer");
    assertThat(pco.servicesState(pcoIdOf(String.valueOf(eighth + 1)))).isEqualTo("Archived");
    assertThat(pco.servicesState(pcoIdOf(String.valueOf(2 * eighth + 1)))).isEqualTo("Scheduled Viewer");
    assertThat(admin.heldPlans()).isEmpty();
  }

  @Test
  void heldPlanAppliesOnlyPeopleWhosePlanIsUnchangedAndReportsTheOthers() {
    three();
    host.groups().addMember("volunteers", "3");
    PcoAccount account = account().build();
    run(account);
    editHost("1", b -> b.lastName("Smythe"));
    editHost("2", b -> b.lastName("Jonas"));
    SyncReport held = run(account);
    editHost("2", b -> b.lastName("Jonesy"));  // after the admin saw the plan

    SyncReport applied = sync(account).admin().applyHeldPlan(held.journalId());

    assertThat(pco.attribute(pcoIdOf("1"), "last_name")).isEqualTo("Smythe");
    assertThat(pco.attribute(pcoIdOf("2"), "last_name")).isEqualTo("Jones");
    assertThat(applied.skipped()).anySatisfy(s -> {
      assertThat(s.hostPersonId()).isEqualTo("2");
      assertThat(s.reason()).contains("changed since the plan was held");
    });
  }

  // ---- journal and revert ---------------------------------------------------------------------------

  @Test
  void revertRestoresEveryFieldAndLevelTheRunChanged() {
    PcoAccount account = syncedThree();
    String ann = pcoIdOf("1");
    editHost("1", b -> b.lastName("Smythe").phone(PhoneType.MOBILE, "555-987-6543"));
    host.groups().removeMember("leaders", "1");
    pco.setAttribute(pcoIdOf("2"), "middle_name", "Lee");
    SyncReport run = run(account);
    assertThat(pco.attribute(ann, "last_name")).isEqualTo("Smythe");
    assertThat(pco.servicesState(ann)).isEqualTo("Scheduled Viewer");
    assertThat(host.people().findById("2").orElseThrow().data().middleName()).isEqualTo("Lee");

    RevertReport revert = sync(account).admin().revert(run.journalId());

    assertThat(revert.notReverted()).isEmpty();
    assertThat(pco.attribute(ann, "last_name")).isEqualTo("Smith");
    assertThat(pco.phones(ann)).extracting(AdminScenarios::digits).contains("5551234567")
        .doesNotContain("5559876543");
    assertThat(pco.servicesState(ann)).isEqualTo("Editor");
    assertThat(host.people().findById("2").orElseThrow().data().middleName()).isNull();
    assertThat(state.journalEntry(ACCOUNT, run.journalId()).orElseThrow().status())
        .isEqualTo(JournalEntry.Status.REVERTED);
  }

  @Test
  void revertLeavesAFieldChangedSinceTheRunAndReportsIt() {
    PcoAccount account = syncedThree();
    String ann = pcoIdOf("1");
    editHost("1", b -> b.lastName("Smythe").middleName("Q"));
    SyncReport run = run(account);
    pco.setAttribute(ann, "last_name", "Smithers");

    RevertReport revert = sync(account).admin().revert(run.journalId());

    assertThat(revert.notReverted()).singleElement().satisfies(n -> {
      assertThat(n.field()).isEqualTo(SyncField.LAST_NAME);
      assertThat(n.nowHolds()).isEqualTo("Smithers");
      assertThat(n.runWrote()).isEqualTo("Smythe");
    });
    assertThat(pco.attribute(ann, "last_name")).isEqualTo("Smithers");
    assertThat(pco.attribute(ann, "middle_name")).isNull();
  }

  @Test
  void revertKeepsPeopleTheRunCreatedAndSaysSo() {
    three();
    PcoAccount account = unguarded();
    SyncReport first = run(account);
    int people = pco.peopleCount();

    RevertReport revert = sync(account).admin().revert(first.journalId());

    assertThat(revert.notReverted()).extracting(RevertReport.NotReverted::hostPersonId).containsExactly("1", "2");
    assertThat(revert.notReverted()).allSatisfy(n -> assertThat(n.reason()).contains("created in PCO by the run"));
    assertThat(pco.peopleCount()).isEqualTo(people);
  }

  // ---- merges ---------------------------------------------------------------------------------------

  @Test
  void pcoMergeMovesTheLinkAndTheNextRunCreatesNobody() {
    PcoAccount account = syncedThree();
    String old = pcoIdOf("1");
    String kept = pco.addPerson("Ann", "Smith", "ann.smith@work.example");
    mergeInPco(kept, old);
    pco.clearRequests();

    SyncReport report = run(account);

    assertThat(pcoIdOf("1")).isEqualTo(kept);
    assertThat(report.created()).isEmpty();
    assertThat(pco.writes()).doesNotContain("POST /people/v2/people");
  }

  @Test
  void pcoMergeOfTwoLinkedPeopleIsReportedAndTheLinksStay() {
    PcoAccount account = syncedThree();
    String ann = pcoIdOf("1");
    String bob = pcoIdOf("2");
    mergeInPco(bob, ann);

    SyncReport report = run(account);

    assertThat(report.failures()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo(ErrorCode.LINK_CONFLICT);
      assertThat(f.reason()).contains("two host people on one PCO person");
    });
    assertThat(pcoIdOf("2")).isEqualTo(bob);
  }

  @Test
  void pcoMergeOfTwoPeopleTheHostMergedTooLeavesOneLinkAndNothingToReport() {
    PcoAccount account = syncedThree();
    String ann = pcoIdOf("1");
    host.merge("1", "2");
    mergeInPco(ann, pcoIdOf("2"));

    SyncReport report = run(account);

    assertThat(state.links(ACCOUNT)).extracting(Link::hostStableId, Link::pcoPersonId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("1", ann));
    assertThat(report.failures()).isEmpty();
    assertThat(report.skipped()).isEmpty();
  }

  @Test
  void settingThePcoIdOfAMergedLinkMovesItToTheSurvivingHostPerson() {
    PcoAccount account = syncedThree();
    String bob = pcoIdOf("2");
    host.groups().addMember("volunteers", "3");
    host.merge("3", "2");    // Cy's record survives; Bob's link now finds Cy, who has no link of his own
    pco.clearRequests();

    sync(account).admin().setPcoPersonId("3", bob);
    SyncReport report = run(account);

    assertThat(pcoIdOf("3")).isEqualTo(bob);
    assertThat(state.linkByHost(ACCOUNT, "2")).isEmpty();
    assertThat(report.created()).isEmpty();
    assertThat(pco.writes()).doesNotContain("POST /people/v2/people");
  }

  // ---- admin operations -----------------------------------------------------------------------------

  @Test
  void pcoIdSetByHandIsWhatTheNextRunSyncsTo() {
    PcoAccount account = syncedThree();
    String other = pco.addPerson("Ann", "Smith-Other", "ann.other@example.org");
    int people = pco.peopleCount();

    sync(account).admin().setPcoPersonId("1", other);
    run(account);

    assertThat(pcoIdOf("1")).isEqualTo(other);
    assertThat(pco.attribute(other, "last_name")).isEqualTo("Smith");
    assertThat(pco.peopleCount()).isEqualTo(people);
  }

  @Test
  void deletingALinkedPcoRecordUnlinksAndThePersonStillInTheSetComesBackNextRun() {
    PcoAccount account = syncedThree();
    String bob = pcoIdOf("2");
    int people = pco.peopleCount();
    pco.clearRequests();

    String deleted = sync(account).admin().deletePcoPerson("2");

    assertThat(deleted).isEqualTo(bob);
    assertThat(pco.writes()).containsExactly("DELETE /people/v2/people/" + bob);
    assertThat(state.linkByHost(ACCOUNT, "2")).isEmpty();
    assertThat(pco.peopleCount()).isEqualTo(people - 1);
    SyncReport next = run(account);
    assertThat(next.created()).extracting(r -> r.hostPersonId()).containsExactly("2");
    assertThat(pcoIdOf("2")).isNotEqualTo(bob);
  }

  // ---- conflicts held for review --------------------------------------------------------------------

  /** Ann synced under "hold for review", then both sides edit her middle name. */
  PcoAccount heldMiddleNameConflict() {
    three();
    PcoAccount account = account().stoppagePercentage(100)
        .profile(SyncProfile.bidirectional().withConflictPolicy(ConflictPolicy.HOLD_FOR_REVIEW)).build();
    run(account);
    pco.setAttribute(pcoIdOf("1"), "middle_name", "FromPco");
    editHost("1", b -> b.middleName("FromHost"));
    return account;
  }

  @Test
  void conflictResolvedWithThePcoValueWritesTheHostAndIsGoneNextRun() {
    PcoAccount account = heldMiddleNameConflict();
    run(account);
    PcoSyncAdmin admin = sync(account).admin();
    HeldConflict c = admin.conflicts().get(0);

    admin.resolveConflict(c.id(), Resolution.PCO_VALUE);

    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isEqualTo("FromPco");
    assertThat(admin.conflicts()).isEmpty();
    assertThat(state.journalEntry(ACCOUNT, c.id()).orElseThrow().status()).isEqualTo(JournalEntry.Status.RESOLVED);
    assertThat(run(account).conflicts()).isEmpty();
  }

}
