package org.pcosync.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.Link;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.RunMode;
import org.pcosync.api.SyncField;
import org.pcosync.api.SyncGroup;
import org.pcosync.core.PcoSync;
import org.pcosync.core.SyncConflict;
import org.pcosync.core.SyncFailure;
import org.pcosync.core.SyncReport;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/**
 * The scenarios of issue 6, written once against {@link PcoWorld} and run on the in-memory port
 * and end to end on the fake PCO. Each test: script both sides, run the sync, verify both sides,
 * the report and the request log.
 */
abstract class SyncScenarios {
  static final String ACCOUNT = "first-church";
  static final String JIMMY_PCO_EMAIL = "jimmy.parker@example.org";

  final MutableClock clock = MutableClock.create();
  final InMemorySyncStateStore state = new InMemorySyncStateStore();
  PcoWorld pco;
  CrashingPcoPort port;
  InMemoryHost host;
  String meId;

  abstract PcoWorld newWorld(MutableClock clock);

  @BeforeEach
  void startPco() {
    pco = newWorld(clock);
    port = new CrashingPcoPort(pco.port());
    meId = pco.addPerson("Sam", "Admin", "admin@church.example");
    pco.setMe(meId);
  }

  @AfterEach
  void stopPco() {
    pco.close();
  }

  // ---- fixtures -------------------------------------------------------------------------------------

  static SyncGroup group(String id, PermissionLevel level) {
    return SyncGroup.permissionGroup(id, id, level);
  }

  static PersonData person(String first, String last, String email) {
    return PersonData.builder().firstName(first).lastName(last).email(email).build();
  }

  void host(HostFixture.Builder fixture) {
    host = InMemoryHost.of(fixture.build(), clock);
  }

  /** One host person "1" in a Scheduled Viewer group. */
  void hostWithOne(PersonData data) {
    host(HostFixture.builder().person("1", data).group(ACCOUNT, group("volunteers", PermissionLevel.SCHEDULED_VIEWER), "1"));
  }

  PcoAccount.Builder account() {
    return PcoAccount.builder(ACCOUNT).name("First Church")
        .credentials(PcoCredentials.personalAccessToken("app", "secret"))
        .baseUrl(URI.create(pco.baseUrl()))
        .stoppagePercentage(100); // these scenarios change one of a few people: the mass-change guard is off
  }

  PcoSync sync(PcoAccount account) {
    return PcoSync.builder().account(account).people(host.people()).groups(host.groups()).tags(host.tags())
        .state(state).clock(clock).port(port).build();
  }

  SyncReport run(PcoAccount account) {
    clock.advance(Duration.ofMinutes(5));
    return sync(account).run();
  }

  SyncReport run() {
    return run(account().build());
  }

  SyncReport run(RunMode mode) {
    clock.advance(Duration.ofMinutes(5));
    return sync(account().build()).run(mode);
  }

  String pcoIdOf(String hostId) {
    return state.linkByHost(ACCOUNT, hostId).map(Link::pcoPersonId).orElseThrow();
  }

  void editHost(String id, java.util.function.UnaryOperator<PersonData.Builder> edit) {
    host.people().edit(id, d -> edit.apply(d.toBuilder()).build());
  }

  // ---- matching and creating ----------------------------------------------------------------------

  @Test
  void jimmyParkerArrivingWithAnotherEmailBecomesANewPcoPerson() {
    String existing = pco.addPerson("Jimmy", "Parker", JIMMY_PCO_EMAIL);
    hostWithOne(person("Jimmy", "Parker", "j.parker@example.org"));

    SyncReport report = run();

    assertThat(pco.idsWithLastName("Parker")).hasSize(2);
    assertThat(report.created()).singleElement().satisfies(c -> assertThat(c.pcoPersonId()).isNotEqualTo(existing));
    assertThat(pco.emails(pcoIdOf("1"))).containsExactly("j.parker@example.org");
  }

  @Test
  void jimParkerWithTheSameEmailBecomesANewPcoPerson() {
    String existing = pco.addPerson("Jimmy", "Parker", JIMMY_PCO_EMAIL);
    hostWithOne(person("Jim", "Parker", JIMMY_PCO_EMAIL));

    SyncReport report = run();

    assertThat(pco.idsWithLastName("Parker")).hasSize(2);
    assertThat(pcoIdOf("1")).isNotEqualTo(existing);
    assertThat(report.linked()).isEmpty();
  }

  @Test
  void linksExistingPersonWhenANameAndTheEmailMatchIgnoringCaseAndSpace() {
    String existing = pco.addPerson("Jimmy", "Parker", JIMMY_PCO_EMAIL);
    hostWithOne(PersonData.builder().firstName("James").nickname("jimmy").lastName("PARKER")
        .email(" Jimmy.Parker@Example.org ").build());

    SyncReport report = run();

    assertThat(pcoIdOf("1")).isEqualTo(existing);
    assertThat(report.linked()).extracting(r -> r.pcoPersonId()).containsExactly(existing);
    assertThat(pco.writes()).doesNotContain("POST /people/v2/people");
  }

  @Test
  void ambiguousMatchIsReportedAndNothingIsCreated() {
    pco.addPerson("Jimmy", "Parker", JIMMY_PCO_EMAIL);
    pco.addPerson("Jimmy", "Parker", JIMMY_PCO_EMAIL);
    hostWithOne(person("Jimmy", "Parker", JIMMY_PCO_EMAIL));

    SyncReport report = run();

    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo(ErrorCode.AMBIGUOUS_MATCH));
    assertThat(pco.idsWithLastName("Parker")).hasSize(2);
    assertThat(state.linkByHost(ACCOUNT, "1")).isEmpty();
  }

  @Test
  void pcoOnlyPeopleAreLeftAlone() {
    String pcoOnly = pco.addPerson("Olive", "Only", "olive@example.org");
    hostWithOne(person("Jimmy", "Parker", "j.parker@example.org"));

    run();

    assertThat(pco.writes()).noneMatch(w -> w.contains("/" + pcoOnly));
    assertThat(host.people().size()).isEqualTo(1);
  }

  @Test
  void newPersonIsAddedToServicesWithTheWelcomeEmailWhenTheAccountNamesATemplate() {
    hostWithOne(person("Jimmy", "Parker", "j.parker@example.org"));

    String template = pco.welcomeTemplateId();

    run(account().welcomeEmailTemplateId(template).build());

    assertThat(pco.servicesState(pcoIdOf("1"))).isEqualTo("Scheduled Viewer");
    assertThat(pco.welcomeEmailRecipients()).containsExactly(pcoIdOf("1"));
  }

  @Test
  void newPersonGetsNoWelcomeEmailWhenTheAccountNamesNoTemplate() {
    hostWithOne(person("Jimmy", "Parker", "j.parker@example.org"));

    run();

    assertThat(pco.servicesState(pcoIdOf("1"))).isEqualTo("Scheduled Viewer");
    assertThat(pco.welcomeEmailRecipients()).isEmpty();
  }

  // ---- create intents --------------------------------------------------------------------------------

  @Test
  void lostResponseToThePersonCreateLeavesExactlyOnePcoPersonAfterTheNextRun() {
    hostWithOne(person("Jimmy", "Parker", "j.parker@example.org"));
    pco.loseNextCreateResponse();
    SyncReport first = run();
    assertThat(first.failures()).isNotEmpty();

    SyncReport second = run();

    assertThat(pco.idsWithLastName("Parker")).hasSize(1);
    assertThat(pcoIdOf("1")).isEqualTo(pco.idsWithLastName("Parker").get(0));
    assertThat(pco.emails(pcoIdOf("1"))).containsExactly("j.parker@example.org");
    assertThat(second.failures()).isEmpty();
  }

  @Test
  void stopBeforeTheEmailCreateLeavesExactlyOnePcoPersonWithTheEmailAfterTheNextRun() {
    hostWithOne(person("Jimmy", "Parker", "j.parker@example.org"));
    port.crashBeforeNextEmailCreate();
    assertThatThrownBy(this::run).isInstanceOf(CrashingPcoPort.Crash.class);

    run();

    assertThat(pco.idsWithLastName("Parker")).hasSize(1);
    assertThat(pco.emails(pco.idsWithLastName("Parker").get(0))).containsExactly("j.parker@example.org");
  }

  @Test
  void lostCreateResponseOfANonNumericHostIdIsRecoveredByNameAndCreationTime() {
    host(HostFixture.builder().person("alias-7", person("Jimmy", "Parker", "j.parker@example.org"))
        .group(ACCOUNT, group("volunteers", PermissionLevel.SCHEDULED_VIEWER), "alias-7"));
    pco.loseNextCreateResponse();
    run();

    run();

    assertThat(pco.idsWithLastName("Parker")).hasSize(1);
    assertThat(pcoIdOf("alias-7")).isEqualTo(pco.idsWithLastName("Parker").get(0));
  }

  @Test
  void hostMergeOfTwoLinkedPeopleIsReportedAndNobodyIsCreatedOrArchived() {
    host(HostFixture.builder()
        .person("1", person("Jimmy", "Parker", "j.parker@example.org"))
        .person("2", person("James", "Parker", "james.parker@example.org"))
        .group(ACCOUNT, group("volunteers", PermissionLevel.SCHEDULED_VIEWER), "1", "2"));
    PcoAccount downgrade = account().allowPermissionDowngrade(true).build();
    run(downgrade);
    String merged = pcoIdOf("2");
    host.merge("1", "2");
    pco.clearRequests();

    SyncReport report = run(downgrade);

    assertThat(report.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("merged"));
    assertThat(pco.servicesState(merged)).isEqualTo("Scheduled Viewer");
    assertThat(pco.writes()).isEmpty();
  }

  // ---- photo -----------------------------------------------------------------------------------------

  static org.pcosync.api.PhotoRef photo(String hash) {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, (byte) 0xFF, (byte) 0xD9};
    return new org.pcosync.api.PhotoRef(hash, "image/jpeg", () -> new java.io.ByteArrayInputStream(jpeg));
  }

  @Test
  void photoIsUploadedAgainOnlyWhenItsContentHashChanges() {
    hostWithOne(person("Pia", "Photo", "pia@example.org"));
    host.people().setPhoto("1", photo("hash-1"));
    run();
    String id = pcoIdOf("1");
    pco.clearRequests();
    run();
    assertThat(pco.writes()).isEmpty();
    host.people().setPhoto("1", photo("hash-2"));

    run();

    assertThat(pco.writes()).contains("PATCH /people/v2/people/" + id);
    assertThat(state.linkByHost(ACCOUNT, "1").orElseThrow().pcoBase().get(SyncField.PHOTO)).isEqualTo("hash-2");
  }

  // ---- three-way diff --------------------------------------------------------------------------------

  @Test
  void pcoEditOfOneFieldAndHostEditOfAnotherBothSurvive() {
    hostWithOne(person("Jimmy", "Parker", "j.parker@example.org"));
    run();
    String id = pcoIdOf("1");
    pco.setAttribute(id, "middle_name", "Quincy");
    editHost("1", b -> b.lastName("Parker-Smith"));

    run();

    assertThat(pco.attribute(id, "last_name")).isEqualTo("Parker-Smith");
    assertThat(pco.attribute(id, "middle_name")).isEqualTo("Quincy");
    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isEqualTo("Quincy");
    assertThat(host.people().findById("1").orElseThrow().data().lastName()).isEqualTo("Parker-Smith");
  }

  @Test
  void sameFieldEditedOnBothSidesHostWinsAndTheConflictIsReported() {
    hostWithOne(person("Jimmy", "Parker", "j.parker@example.org"));
    run();
    String id = pcoIdOf("1");
    pco.setAttribute(id, "middle_name", "FromPco");
    editHost("1", b -> b.middleName("FromHost"));

    SyncReport report = run();

    assertThat(pco.attribute(id, "middle_name")).isEqualTo("FromHost");
    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isEqualTo("FromHost");
    assertThat(report.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.field()).isEqualTo(SyncField.MIDDLE_NAME);
      assertThat(c.hostValue()).isEqualTo("FromHost");
      assertThat(c.pcoValue()).isEqualTo("FromPco");
      assertThat(c.winner()).isEqualTo("host");
    });
  }

  @Test
  void clearingAFieldOnTheHostClearsItInPcoOnceABaseExists() {
    hostWithOne(PersonData.builder().firstName("Jimmy").lastName("Parker").middleName("Q").email("j.parker@example.org").build());
    run();
    editHost("1", b -> b.middleName(null));

    run();

    assertThat(pco.attribute(pcoIdOf("1"), "middle_name")).isNull();
  }

  @Test
  void newLinkNeverClearsANonEmptyValueWithAnEmptyOne() {
    String existing = pco.addPerson("Jimmy", "Parker", JIMMY_PCO_EMAIL);
    pco.setAttribute(existing, "middle_name", "Quincy");
    hostWithOne(person("Jimmy", "Parker", JIMMY_PCO_EMAIL));

    run();

    assertThat(pco.attribute(existing, "middle_name")).isEqualTo("Quincy");
    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isEqualTo("Quincy");
  }

  @Test
  void failedPatchKeepsItsBaseAndTheNextRunResendsExactlyThatPatch() {
    hostWithOne(person("Jimmy", "Parker", "j.parker@example.org"));
    run();
    String id = pcoIdOf("1");
    editHost("1", b -> b.middleName("Quincy"));
    pco.failPersonPatches();

    SyncReport failed = run();

    assertThat(failed.failures()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo(SyncField.MIDDLE_NAME));
    assertThat(state.linkByHost(ACCOUNT, "1").orElseThrow().hostBase().get(SyncField.MIDDLE_NAME)).isNull();
    pco.heal();
    pco.clearRequests();

    run();

    assertThat(pco.writes()).containsExactly("PATCH /people/v2/people/" + id);
    assertThat(pco.attribute(id, "middle_name")).isEqualTo("Quincy");
  }

  @Test
  void thirdCleanRunMakesNoWrites() {
    String tagGroup = pco.addTagGroup("Instruments");
    String bass = pco.addTag(tagGroup, "Bass");
    host(HostFixture.builder()
        .person("1", PersonData.builder().firstName("Theodore").nickname("Ted").lastName("Decker")
            .email("ted@example.org").phone(PhoneType.MOBILE, "(623) 555-0101").phone(PhoneType.HOME, "623.555.0102")
            .homeAddress(org.pcosync.api.PostalAddress.of("11624 N 31st Dr", null, "Phoenix", "AZ", "85029"))
            .birthdate(java.time.LocalDate.of(2002, 2, 10)).gender(org.pcosync.api.Gender.MALE).build())
        .person("2", person("Alisha", "Marble", "alisha@example.org"))
        .group(ACCOUNT, group("editors", PermissionLevel.EDITOR), "1")
        .selectedTags(ACCOUNT, "2", bass));
    run();
    run();
    pco.clearRequests();

    SyncReport third = run();

    assertThat(pco.writes()).isEmpty();
    assertThat(third.failures()).isEmpty();
  }

  @Test
  void rejectedValueIsNotResentWhileTheHostValueIsUnchangedAndIsReportedOnEveryRun() {
    hostWithOne(person("Jimmy", "Parker", "j.parker@example.org"));
    run();
    pco.rejectPhoneNumbersContaining("555");
    editHost("1", b -> b.phone(PhoneType.MOBILE, "555-0199-77"));
    SyncReport rejected = run();
    assertThat(rejected.failures()).extracting(SyncFailure::field).containsExactly(SyncField.MOBILE_PHONE);
    pco.clearRequests();

    SyncReport again = run();

    assertThat(pco.writes()).isEmpty();
    assertThat(again.failures()).singleElement().satisfies(f -> {
      assertThat(f.field()).isEqualTo(SyncField.MOBILE_PHONE);
      assertThat(f.code()).isEqualTo(ErrorCode.PCO_REJECTED);
    });
  }

  @Test
  void personPcoRefusedToCreateIsNotSentAgainUntilTheHostDataChanges() {
    hostWithOne(person("Jimmy", "Parker", "j.parker@example.org"));
    pco.rejectPersonCreates();
    run();
    pco.clearRequests();

    SyncReport again = run();

    assertThat(pco.writes()).isEmpty();
    assertThat(again.failures()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo(ErrorCode.PCO_REJECTED));
    pco.heal();
    editHost("1", b -> b.lastName("Parker-Smith"));
    run();
    assertThat(pco.idsWithLastName("Parker-Smith")).hasSize(1);
  }

  @Test
  void invalidHostEmailIsReportedWithPersonAndFieldAndTheRestOfTheSyncGoesOn() {
    host(HostFixture.builder()
        .person("1", person("Bad", "Email", "not-an-email"))
        .person("2", person("Good", "Email", "good@example.org"))
        .group(ACCOUNT, group("volunteers", PermissionLevel.SCHEDULED_VIEWER), "1", "2"));

    SyncReport report = run();

    assertThat(report.failures()).singleElement().satisfies(f -> {
      assertThat(f.hostPersonId()).isEqualTo("1");
      assertThat(f.field()).isEqualTo(SyncField.EMAIL);
      assertThat(f.code()).isEqualTo(ErrorCode.INVALID_VALUE);
    });
    assertThat(report.created()).hasSize(2);
    assertThat(pco.emails(pcoIdOf("2"))).containsExactly("good@example.org");
  }

  @Test
  void changedHostEmailIsAddedAsTheNewPrimaryAndTheOldOneStays() {
    hostWithOne(person("Jimmy", "Parker", "j.parker@example.org"));
    run();
    editHost("1", b -> b.email("jimmy@new.example.org"));

    run();

    assertThat(pco.emails(pcoIdOf("1"))).containsExactlyInAnyOrder("j.parker@example.org", "jimmy@new.example.org");
  }

  @Test
  void phoneChangeUpdatesThePrimaryOfItsLocationAndNeverDeletesTheOthers() {
    String existing = pco.addPerson("Jimmy", "Parker", JIMMY_PCO_EMAIL);
    pco.addPhone(existing, "(555) 010-1111", "Mobile", false);
    pco.addPhone(existing, "(555) 010-2222", "Mobile", true);
    hostWithOne(PersonData.builder().firstName("Jimmy").lastName("Parker").email(JIMMY_PCO_EMAIL)
        .phone(PhoneType.MOBILE, "555.010.2222").build());
    run();
    editHost("1", b -> b.phone(PhoneType.MOBILE, "555-010-3333"));

    run();

    assertThat(pco.phones(existing)).hasSize(2);
    assertThat(pco.phones(existing)).anyMatch(p -> p.replaceAll("\\D", "").endsWith("5550103333"));
    assertThat(pco.phones(existing)).anyMatch(p -> p.replaceAll("\\D", "").endsWith("5550101111"));
  }

  // ---- permissions -----------------------------------------------------------------------------------

  void editorAndScheduler() {
    host(HostFixture.builder()
        .person("1", person("Ed", "Itor", "ed@example.org"))
        .group(ACCOUNT, group("editors", PermissionLevel.EDITOR), "1")
        .group(ACCOUNT, group("schedulers", PermissionLevel.SCHEDULER), "1"));
  }

  @Test
  void editorRemovedFromTheEditorGroupStaysEditorWithoutDowngrade() {
    editorAndScheduler();
    run();
    assertThat(pco.servicesState(pcoIdOf("1"))).isEqualTo("Editor");
    host.groups().removeMember("editors", "1");

    SyncReport report = run();

    assertThat(pco.servicesState(pcoIdOf("1"))).isEqualTo("Editor");
    assertThat(report.lowered()).isEmpty();
  }

  @Test
  void editorRemovedFromTheEditorGroupGetsTheNextGroupsLevelWithDowngrade() {
    editorAndScheduler();
    PcoAccount downgrade = account().allowPermissionDowngrade(true).build();
    run(downgrade);
    host.groups().removeMember("editors", "1");

    SyncReport report = run(downgrade);

    assertThat(pco.servicesState(pcoIdOf("1"))).isEqualTo("Scheduler");
    assertThat(report.lowered()).hasSize(1);
  }

  @Test
  void personWithNoGroupAndNoSelectedTagLeftIsArchivedWithDowngrade() {
    editorAndScheduler();
    PcoAccount downgrade = account().allowPermissionDowngrade(true).build();
    run(downgrade);
    host.groups().removeMember("editors", "1");
    host.groups().removeMember("schedulers", "1");

    SyncReport report = run(downgrade);

    assertThat(pco.servicesState(pcoIdOf("1"))).isEqualTo("Archived");
    assertThat(report.archived()).hasSize(1);
  }

  @Test
  void archivedPersonBackInAGroupIsRaised() {
    editorAndScheduler();
    PcoAccount downgrade = account().allowPermissionDowngrade(true).build();
    run(downgrade);
    host.groups().removeMember("editors", "1");
    host.groups().removeMember("schedulers", "1");
    run(downgrade);
    host.groups().addMember("schedulers", "1");

    SyncReport report = run(downgrade);

    assertThat(pco.servicesState(pcoIdOf("1"))).isEqualTo("Scheduler");
    assertThat(report.raised()).hasSize(1);
  }

  @Test
  void theAccountsOwnUserIsNeverLoweredAndThatIsReported() {
    pco.addToServices(meId, "Administrator");
    hostWithOne(person("Sam", "Admin", "admin@church.example"));

    SyncReport report = run(account().allowPermissionDowngrade(true).build());

    assertThat(pcoIdOf("1")).isEqualTo(meId);
    assertThat(pco.servicesState(meId)).isEqualTo("Administrator");
    assertThat(report.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("not lowered"));
  }

  @Test
  void anOrganizationAdministratorIsNeverArchived() {
    hostWithOne(person("Olga", "Orgadmin", "olga@example.org"));
    PcoAccount downgrade = account().allowPermissionDowngrade(true).build();
    run(downgrade);
    pco.setOrganizationAdmin(pcoIdOf("1"));
    host.groups().removeMember("volunteers", "1");

    SyncReport report = run(downgrade);

    assertThat(pco.servicesState(pcoIdOf("1"))).isEqualTo("Scheduled Viewer");
    assertThat(report.archived()).isEmpty();
    assertThat(report.skipped()).hasSize(1);
  }

  // ---- tags ------------------------------------------------------------------------------------------

  @Test
  void updatesOnlyMissesAPcoTagChangeAndAFullRunPicksItUp() {
    String g = pco.addTagGroup("Instruments");
    String bass = pco.addTag(g, "Bass");
    String drums = pco.addTag(g, "Drums");
    host(HostFixture.builder().person("1", person("Bea", "Bass", "bea@example.org")).selectedTags(ACCOUNT, "1", bass));
    run(RunMode.FULL);
    assertThat(pco.tags(pcoIdOf("1"))).containsExactly(bass);
    pco.setTags(pcoIdOf("1"), Set.of(bass, drums));

    run(RunMode.UPDATES_ONLY);
    assertThat(host.tags().selectedTags("1", ACCOUNT)).containsExactly(bass);

    run(RunMode.FULL);
    assertThat(host.tags().selectedTags("1", ACCOUNT)).containsExactlyInAnyOrder(bass, drums);
    assertThat(pco.tags(pcoIdOf("1"))).containsExactlyInAnyOrder(bass, drums);
  }

  @Test
  void updatesOnlyRunPicksUpAPcoEditAndAHostEdit() {
    host(HostFixture.builder()
        .person("1", person("Ann", "Able", "ann@example.org"))
        .person("2", person("Bob", "Baker", "bob@example.org"))
        .group(ACCOUNT, group("volunteers", PermissionLevel.SCHEDULED_VIEWER), "1", "2"));
    run(RunMode.FULL);
    pco.setAttribute(pcoIdOf("1"), "middle_name", "FromPco");
    editHost("2", b -> b.middleName("FromHost"));

    SyncReport report = run(RunMode.UPDATES_ONLY);

    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isEqualTo("FromPco");
    assertThat(pco.attribute(pcoIdOf("2"), "middle_name")).isEqualTo("FromHost");
    assertThat(report.failures()).isEmpty();
  }

  @Test
  void updatesOnlyRunOfUnchangedPeopleWritesNothing() {
    hostWithOne(person("Ann", "Able", "ann@example.org"));
    run(RunMode.FULL);
    run(RunMode.UPDATES_ONLY);
    pco.clearRequests();

    run(RunMode.UPDATES_ONLY);

    assertThat(pco.writes()).isEmpty();
  }

  @Test
  void updatesOnlyRunLinksOrCreatesPeopleWhoJoinedAGroupSinceTheLastRun() {
    String existing = pco.addPerson("Jimmy", "Parker", JIMMY_PCO_EMAIL);
    host(HostFixture.builder()
        .person("1", person("Ann", "Able", "ann@example.org"))
        .person("2", person("Jimmy", "Parker", JIMMY_PCO_EMAIL))
        .person("3", person("Cat", "Cole", "cat@example.org"))
        .group(ACCOUNT, group("volunteers", PermissionLevel.SCHEDULED_VIEWER), "1"));
    run(RunMode.FULL);
    host.groups().addMember("volunteers", "2");
    host.groups().addMember("volunteers", "3");

    SyncReport report = run(RunMode.UPDATES_ONLY);

    assertThat(report.linked()).extracting(r -> r.hostPersonId() + "->" + r.pcoPersonId()).containsExactly("2->" + existing);
    assertThat(report.created()).extracting(r -> r.hostPersonId()).containsExactly("3");
  }

  @Test
  void tagsChangedOnBothSidesInAFullRunGoTheHostsWayAndTheConflictIsReported() {
    String g = pco.addTagGroup("Instruments");
    String bass = pco.addTag(g, "Bass");
    String drums = pco.addTag(g, "Drums");
    String keys = pco.addTag(g, "Keys");
    host(HostFixture.builder().person("1", person("Bea", "Bass", "bea@example.org")).selectedTags(ACCOUNT, "1", bass));
    run(RunMode.FULL);
    pco.setTags(pcoIdOf("1"), Set.of(bass, keys));
    host.tags().setSelectedTags("1", ACCOUNT, Set.of(bass, drums));

    SyncReport report = run(RunMode.FULL);

    assertThat(pco.tags(pcoIdOf("1"))).containsExactlyInAnyOrder(bass, drums);
    assertThat(report.conflicts()).singleElement().satisfies(c -> assertThat(c.field()).isEqualTo(SyncField.TAGS));
  }

  @Test
  void leavingATagGroupRemovesItsTagFromTheAttributeAndArchivesWithDowngrade() {
    String g = pco.addTagGroup("Instruments");
    String bass = pco.addTag(g, "Bass");
    host(HostFixture.builder().person("1", person("Bea", "Bass", "bea@example.org"))
        .group(ACCOUNT, SyncGroup.tagGroup("bassists", "Bassists", Set.of(bass)), "1"));
    PcoAccount downgrade = account().allowPermissionDowngrade(true).build();
    run(downgrade);
    host.groups().removeMember("bassists", "1");

    run(downgrade);

    assertThat(host.tags().selectedTags("1", ACCOUNT)).isEmpty();
    assertThat(pco.servicesState(pcoIdOf("1"))).isEqualTo("Archived");
  }

  @Test
  void tagsArePublishedToTheHostMarkingTheOnesAGroupControls() {
    String g = pco.addTagGroup("Instruments");
    String bass = pco.addTag(g, "Bass");
    pco.addTag(g, "Drums");
    host(HostFixture.builder().person("1", person("Bea", "Bass", "bea@example.org"))
        .group(ACCOUNT, SyncGroup.tagGroup("bassists", "Bassists", Set.of(bass)), "1"));

    run();

    assertThat(host.tags().availableTags(ACCOUNT)).extracting(t -> t.displayName() + (t.isGroupControlled() ? "*" : ""))
        .containsExactlyInAnyOrder("Instruments > Bass*", "Instruments > Drums");
  }

  @Test
  void groupLinkedTagIsWrittenToTheAttributeAndToPco() {
    String g = pco.addTagGroup("Instruments");
    String bass = pco.addTag(g, "Bass");
    String drums = pco.addTag(g, "Drums");
    host(HostFixture.builder().person("1", person("Bea", "Bass", "bea@example.org"))
        .person("2", person("Dan", "Drums", "dan@example.org"))
        .group(ACCOUNT, SyncGroup.tagGroup("bassists", "Bassists", Set.of(bass)), "1")
        .group(ACCOUNT, SyncGroup.tagGroup("drummers", "Drummers", Set.of(drums)))
        .selectedTags(ACCOUNT, "2", drums));

    run();

    assertThat(host.tags().selectedTags("1", ACCOUNT)).containsExactly(bass);
    assertThat(pco.tags(pcoIdOf("1"))).containsExactly(bass);
    assertThat(state.linkByHost(ACCOUNT, "2")).as("a hand-selected group-controlled tag has no effect").isEmpty();
  }

  @Test
  void requiredEmailSkipsAndReportsPeopleWithoutOne() {
    hostWithOne(PersonData.builder().firstName("No").lastName("Email").build());

    SyncReport report = run(account().profile(org.pcosync.api.SyncProfile.push()).build());

    assertThat(report.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("no valid email"));
    assertThat(pco.idsWithLastName("Email")).isEmpty();
  }

}
