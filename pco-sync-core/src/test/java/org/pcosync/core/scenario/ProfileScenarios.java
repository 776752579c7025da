package org.pcosync.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.Gender;
import org.pcosync.api.InvalidValueException;
import org.pcosync.api.Link;
import org.pcosync.api.NameMapping;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PcoSyncException;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.SyncField;
import org.pcosync.api.SyncGroup;
import org.pcosync.api.SyncProfile;
import org.pcosync.core.ContactResult;
import org.pcosync.core.ContactResult.Outcome;
import org.pcosync.core.ContactSubmission;
import org.pcosync.core.ImportReport;
import org.pcosync.core.PcoPersonProfile;
import org.pcosync.core.PcoSync;
import org.pcosync.core.SyncAlreadyRunningException;
import org.pcosync.core.SyncReport;
import org.pcosync.core.port.PortAddress;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/**
 * The one-way profiles (push, form push, lookup + register) and the import from PCO, written once
 * against {@link PcoWorld} and run on the in-memory port and end to end on the fake PCO: script
 * both sides, call the entry point, verify both sides, the result and the request log.
 */
abstract class ProfileScenarios {
  static final String ACCOUNT = "first-church";
  static final String JIMMY_EMAIL = "jimmy.parker@example.org";
  static final PostalAddress HOME = PostalAddress.of("11624 N 31st Dr", null, "Phoenix", "AZ", "85029");

  final MutableClock clock = MutableClock.create();
  final InMemorySyncStateStore state = new InMemorySyncStateStore();
  PcoWorld pco;
  ServicesWatchingPort port;
  InMemoryHost host = InMemoryHost.empty(clock);

  abstract PcoWorld newWorld(MutableClock clock);

  /** Gives a PCO person a login, as PCO does when they create one. */
  abstract void giveLogin(String pcoId, String loginIdentifier);

  @BeforeEach
  void startPco() {
    pco = newWorld(clock);
    port = new ServicesWatchingPort(pco.port());
    pco.setMe(pco.addPerson("Sam", "Admin", "admin@church.example"));
  }

  @AfterEach
  void stopPco() {
    pco.close();
  }

  PcoAccount.Builder account(SyncProfile profile) {
    return PcoAccount.builder(ACCOUNT).name("First Church")
        .credentials(PcoCredentials.personalAccessToken("app", "secret"))
        .baseUrl(URI.create(pco.baseUrl()))
        .profile(profile)
        .stoppagePercentage(100);
  }

  PcoSync sync(PcoAccount account) {
    clock.advance(Duration.ofMinutes(5));
    return PcoSync.builder().account(account).people(host.people()).groups(host.groups()).tags(host.tags())
        .state(state).clock(clock).port(port).build();
  }

  String pcoIdOf(String hostId) {
    return state.linkByHost(ACCOUNT, hostId).map(Link::pcoPersonId).orElseThrow();
  }

  List<PostalAddress> addresses(String pcoId) {
    return pco.port().person(pcoId).orElseThrow().addresses().stream().map(PortAddress::address).toList();
  }

  // ---- push ---------------------------------------------------------------------------------------

  PcoAccount push() {
    return account(SyncProfile.push()).nameMapping(NameMapping.FIRST_TO_FIRST_NICK_TO_NICKNAME).build();
  }

  /** Ted (email, two phones) and Nora (no email) in the sync group "volunteers". */
  void hostWithTedAndNora() {
    host = InMemoryHost.of(HostFixture.builder()
        .person("1", PersonData.builder().firstName("Ted").lastName("Decker").email("ted@example.org")
            .phone(PhoneType.MOBILE, "(623) 555-0101").phone(PhoneType.WORK, "623.555.0102").build())
        .person("2", PersonData.builder().firstName("Nora").lastName("Noemail").build())
        .group(ACCOUNT, SyncGroup.permissionGroup("volunteers", "Volunteers", PermissionLevel.SCHEDULED_VIEWER), "1", "2")
        .build(), clock);
  }

  @Test
  void pushCreatesGroupMembersWithAnEmailInPcoPeople() {
    hostWithTedAndNora();

    sync(push()).run();

    String ted = pcoIdOf("1");
    assertThat(pco.attribute(ted, "first_name")).isEqualTo("Ted");
    assertThat(pco.attribute(ted, "last_name")).isEqualTo("Decker");
    assertThat(pco.emails(ted)).containsExactly("ted@example.org");
    assertThat(pco.phones(ted)).containsExactlyInAnyOrder("(623) 555-0101", "(623) 555-0102");
  }

  @Test
  void pushSkipsAndReportsMembersWithoutAnEmail() {
    hostWithTedAndNora();

    SyncReport report = sync(push()).run();

    assertThat(report.skipped()).singleElement().satisfies(s -> {
      assertThat(s.hostPersonId()).isEqualTo("2");
      assertThat(s.reason()).contains("email");
    });
    assertThat(pco.idsWithLastName("Noemail")).isEmpty();
  }

  @Test
  void pushMakesNoServicesRequests() {
    hostWithTedAndNora();
    PcoSync sync = sync(push());
    sync.run();

    sync.run();
    sync.syncPerson("1");

    assertThat(port.servicesCalls()).isEmpty();
    assertThat(pco.servicesState(pcoIdOf("1"))).isNull();
  }

  @Test
  void pushBackFillsAnExistingPcoPersonOnTheFirstRunOverwritingItsPhone() {
    String existing = pco.addPerson("Ted", "Decker", "ted@example.org");
    pco.addPhone(existing, "623-555-0999", "Mobile", true);
    hostWithTedAndNora();

    SyncReport report = sync(push()).run();

    assertThat(report.linked()).extracting(r -> r.pcoPersonId()).containsExactly(existing);
    assertThat(pco.phones(existing)).containsExactlyInAnyOrder("(623) 555-0101", "(623) 555-0102");
    assertThat(pco.writes()).doesNotContain("POST /people/v2/people");
  }

  @Test
  void pushNeverWritesPcoEditsBackToTheHost() {
    hostWithTedAndNora();
    sync(push()).run();
    pco.setAttribute(pcoIdOf("1"), "last_name", "Decker-Smith");

    sync(push()).run();

    assertThat(host.people().updates()).isEmpty();
    assertThat(host.people().findById("1").orElseThrow().data().lastName()).isEqualTo("Decker");
  }

  @Test
  void pushSendsAHostEditOnTheNextRun() {
    hostWithTedAndNora();
    sync(push()).run();
    host.people().edit("1", d -> d.toBuilder().phone(PhoneType.HOME, "623-555-0177").build());

    sync(push()).run();

    assertThat(pco.phones(pcoIdOf("1"))).contains("(623) 555-0177");
  }

  @Test
  void pushThirdRunMakesZeroWrites() {
    hostWithTedAndNora();
    sync(push()).run();
    sync(push()).run();
    pco.clearRequests();

    SyncReport third = sync(push()).run();

    assertThat(pco.writes()).isEmpty();
    assertThat(third.failures()).isEmpty();
  }

  @Test
  void pushSyncsSomeoneAddedToASyncGroupRightAway() {
    hostWithTedAndNora();
    host.people().edit("2", d -> d.toBuilder().email("nora@example.org").build());
    host.groups().removeMember("volunteers", "2");
    PcoSync sync = sync(push());
    sync.run();
    host.groups().addMember("volunteers", "2");

    SyncReport report = sync.syncPerson("2");

    assertThat(report.created()).singleElement().satisfies(c -> assertThat(c.hostPersonId()).isEqualTo("2"));
    assertThat(pco.emails(pcoIdOf("2"))).containsExactly("nora@example.org");
  }

  // ---- form push ------------------------------------------------------------------------------------

  PcoSync formPush() {
    return sync(account(SyncProfile.formPush()).build());
  }

  @Test
  void formPushCreatesAPersonWithEverythingSubmitted() {
    ContactSubmission jimmy = ContactSubmission.builder("Jimmy", "Parker", JIMMY_EMAIL)
        .phone(PhoneType.MOBILE, "623-555-0101").homeAddress(HOME).gender("M").birthdate(LocalDate.of(1990, 4, 2))
        .build();

    ContactResult r = formPush().pushContact(jimmy);

    assertThat(r.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(pco.attribute(r.pcoPersonId(), "first_name")).isEqualTo("Jimmy");
    assertThat(pco.emails(r.pcoPersonId())).containsExactly(JIMMY_EMAIL);
    assertThat(pco.phones(r.pcoPersonId())).containsExactly("(623) 555-0101");
    assertThat(addresses(r.pcoPersonId())).containsExactly(HOME);
    assertThat(Gender.parse(pco.attribute(r.pcoPersonId(), "gender"))).isEqualTo(Gender.MALE);
    assertThat(pco.attribute(r.pcoPersonId(), "birthdate")).isEqualTo("1990-04-02");
    assertThat(r.added()).contains(SyncField.EMAIL, SyncField.MOBILE_PHONE, SyncField.HOME_ADDRESS, SyncField.GENDER,
        SyncField.BIRTHDATE);
  }

  @Test
  void formPushAddsAMissingPhoneAndAddressToTheMatchedPersonWithoutOverwriting() {
    String existing = pco.addPerson("Jimmy", "Parker", JIMMY_EMAIL);
    pco.addPhone(existing, "623-555-0100", "Home", true);

    ContactResult r = formPush().pushContact(ContactSubmission.builder("jimmy", "PARKER", JIMMY_EMAIL)
        .phone(PhoneType.HOME, "623-555-0199").homeAddress(HOME).build());

    assertThat(r.outcome()).isEqualTo(Outcome.MATCHED);
    assertThat(r.pcoPersonId()).isEqualTo(existing);
    assertThat(pco.phones(existing)).containsExactlyInAnyOrder("(623) 555-0100", "(623) 555-0199");
    assertThat(addresses(existing)).containsExactly(HOME);
    assertThat(pco.writes()).doesNotContain("POST /people/v2/people");
  }

  @Test
  void formPushFillsAnEmptyGenderButNeverOverwritesABirthdate() {
    String existing = pco.addPerson("Jimmy", "Parker", JIMMY_EMAIL);
    pco.setAttribute(existing, "birthdate", "1990-04-02");

    ContactResult r = formPush().pushContact(ContactSubmission.builder("Jimmy", "Parker", JIMMY_EMAIL)
        .gender(Gender.MALE).birthdate(LocalDate.of(1991, 1, 1)).build());

    assertThat(Gender.parse(pco.attribute(existing, "gender"))).isEqualTo(Gender.MALE);
    assertThat(pco.attribute(existing, "birthdate")).isEqualTo("1990-04-02");
    assertThat(r.added()).containsExactly(SyncField.GENDER);
    assertThat(r.skipped()).anySatisfy(s -> {
      assertThat(s.field()).isEqualTo(SyncField.BIRTHDATE);
      assertThat(s.reason()).contains("only fills empty fields");
    });
  }

  @Test
  void formPushWithAnotherEmailCreatesANewPerson() {
    pco.addPerson("Jimmy", "Parker", JIMMY_EMAIL);

    ContactResult r = formPush().pushContact(ContactSubmission.builder("Jimmy", "Parker", "j.parker@example.org").build());

    assertThat(r.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(pco.idsWithLastName("Parker")).hasSize(2);
  }

  @Test
  void formPushOfTheSameSubmissionAgainWritesNothing() {
    ContactSubmission jimmy = ContactSubmission.builder("Jimmy", "Parker", JIMMY_EMAIL)
        .phone(PhoneType.MOBILE, "623-555-0101").homeAddress(HOME).gender(Gender.MALE).build();
    PcoSync sync = formPush();
    sync.pushContact(jimmy);
    pco.clearRequests();

    ContactResult again = sync.pushContact(jimmy);

    assertThat(pco.writes()).isEmpty();
    assertThat(again.added()).isEmpty();
    assertThat(again.skipped()).extracting(ContactResult.FieldSkip::reason).containsOnly("already on file in PCO");
  }

  @Test
  void formPushNeverMakesASecondaryEmailPrimary() {
    String existing = pco.addPerson("Jimmy", "Parker", "jimmy@work.example");
    pco.port().addEmail(existing, JIMMY_EMAIL, "Home", false);
    pco.clearRequests();

    ContactResult r = formPush().pushContact(ContactSubmission.builder("Jimmy", "Parker", JIMMY_EMAIL).build());

    assertThat(r.pcoPersonId()).isEqualTo(existing);
    assertThat(pco.writes()).isEmpty();
  }

  @Test
  void formPushMatchingTwoPcoPeopleIsAmbiguousAndWritesNothing() {
    pco.addPerson("Jimmy", "Parker", JIMMY_EMAIL);
    pco.addPerson("Jimmy", "Parker", JIMMY_EMAIL);
    pco.clearRequests();

    ContactResult r = formPush().pushContact(ContactSubmission.builder("Jimmy", "Parker", JIMMY_EMAIL)
        .phone(PhoneType.MOBILE, "623-555-0101").build());

    assertThat(r.outcome()).isEqualTo(Outcome.AMBIGUOUS);
    assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo(ErrorCode.AMBIGUOUS_MATCH));
    assertThat(pco.writes()).isEmpty();
  }

  @Test
  void formPushReportsAPhonePcoRejectsAndStillAddsTheAddress() {
    String existing = pco.addPerson("Jimmy", "Parker", JIMMY_EMAIL);
    pco.rejectPhoneNumbersContaining("555");

    ContactResult r = formPush().pushContact(ContactSubmission.builder("Jimmy", "Parker", JIMMY_EMAIL)
        .phone(PhoneType.MOBILE, "623-555-0101").homeAddress(HOME).build());

    assertThat(r.failures()).singleElement().satisfies(f -> {
      assertThat(f.field()).isEqualTo(SyncField.MOBILE_PHONE);
      assertThat(f.code()).isEqualTo(ErrorCode.PCO_REJECTED);
    });
    assertThat(r.added()).containsExactly(SyncField.HOME_ADDRESS);
    assertThat(addresses(existing)).containsExactly(HOME);
  }

  @Test
  void formPushLeavesTheContactFieldsOfSomeoneWhoCanLogInWhenTheAccountSaysSo() {
    String existing = pco.addPerson("Jimmy", "Parker", JIMMY_EMAIL);
    giveLogin(existing, JIMMY_EMAIL);
    PcoSync sync = sync(account(SyncProfile.formPush()).editContactFieldsOfLoginUsers(false).build());

    ContactResult r = sync.pushContact(ContactSubmission.builder("Jimmy", "Parker", JIMMY_EMAIL)
        .phone(PhoneType.MOBILE, "623-555-0101").gender(Gender.MALE).build());

    assertThat(pco.phones(existing)).isEmpty();
    assertThat(r.added()).containsExactly(SyncField.GENDER);
    assertThat(r.skipped()).filteredOn(s -> s.field() == SyncField.MOBILE_PHONE).singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("can log in"));
  }

  @Test
  void formPushMakesNoServicesRequests() {
    formPush().pushContact(ContactSubmission.builder("Jimmy", "Parker", JIMMY_EMAIL).build());

    assertThat(port.servicesCalls()).isEmpty();
  }

  @Test
  void formPushAfterALostCreateResponseFindsThePersonItCreated() {
    PcoSync sync = formPush();
    pco.loseNextCreateResponse();
    ContactSubmission jimmy = ContactSubmission.builder("Jimmy", "Parker", JIMMY_EMAIL).build();
    assertThat(sync.pushContact(jimmy).outcome()).isEqualTo(Outcome.FAILED);

    ContactResult retry = sync.pushContact(jimmy);

    assertThat(pco.idsWithLastName("Parker")).containsExactly(retry.pcoPersonId());
    assertThat(pco.emails(retry.pcoPersonId())).containsExactly(JIMMY_EMAIL);
  }

  @Test
  void formPushOfAMalformedPhoneIsATypedErrorNamingTheField() {
    assertThatThrownBy(() -> ContactSubmission.builder("Jimmy", "Parker", JIMMY_EMAIL).phone(PhoneType.MOBILE, "12").build())
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("phone.MOBILE"));
    assertThat(pco.writes()).isEmpty();
  }

  @Test
  void formPushRefusesAProfileThatWritesTheHost() {
    PcoSync bidirectional = sync(account(SyncProfile.bidirectional()).build());

    assertThatThrownBy(() -> bidirectional.pushContact(ContactSubmission.builder("Jimmy", "Parker", JIMMY_EMAIL).build()))
        .isInstanceOfSatisfying(PcoSyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION));
  }

  // ---- lookup + register ----------------------------------------------------------------------------

  PcoSync lookupRegister() {
    return sync(account(SyncProfile.lookupRegister()).build());
  }

  @Test
  void lookupReturnsTheProfileOfEveryPersonHoldingTheEmail() {
    String ann = pco.addPerson("Ann", "Lee", "lees@example.org");
    String bob = pco.addPerson("Bob", "Lee", "lees@example.org");
    pco.addPhone(ann, "623-555-0142", "Mobile", true);

    List<PcoPersonProfile> found = lookupRegister().lookupByEmail(" Lees@Example.org ");

    assertThat(found).extracting(PcoPersonProfile::pcoPersonId).containsExactlyInAnyOrder(ann, bob);
    assertThat(found).filteredOn(p -> p.pcoPersonId().equals(ann)).singleElement().satisfies(p -> {
      assertThat(p.data().firstName()).isEqualTo("Ann");
      assertThat(p.data().lastName()).isEqualTo("Lee");
      assertThat(p.data().email()).isEqualTo("lees@example.org");
      assertThat(p.data().phone(PhoneType.MOBILE)).isEqualTo("(623) 555-0142");
    });
  }

  @Test
  void lookupOfAnUnknownEmailFindsNobody() {
    assertThat(lookupRegister().lookupByEmail("nobody@example.org")).isEmpty();
  }

  @Test
  void lookupOfAMalformedEmailIsATypedErrorNamingTheField() {
    assertThatThrownBy(() -> lookupRegister().lookupByEmail("not-an-email"))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("email"));
  }

  @Test
  void registerCreatesAPcoPersonWhenNobodyMatches() {
    ContactResult r = lookupRegister().register(PersonData.builder().firstName("Ann").lastName("Lee")
        .email("ann@example.org").phone(PhoneType.MOBILE, "623-555-0142").build());

    assertThat(r.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(pco.emails(r.pcoPersonId())).containsExactly("ann@example.org");
    assertThat(pco.phones(r.pcoPersonId())).containsExactly("(623) 555-0142");
    assertThat(port.servicesCalls()).isEmpty();
  }

  @Test
  void registerReturnsTheMatchingPersonAndChangesNothing() {
    String ann = pco.addPerson("Ann", "Lee", "ann@example.org");
    pco.clearRequests();

    ContactResult r = lookupRegister().register(PersonData.builder().firstName("Ann").lastName("Lee")
        .email("ann@example.org").phone(PhoneType.MOBILE, "623-555-0142").build());

    assertThat(r.outcome()).isEqualTo(Outcome.MATCHED);
    assertThat(r.pcoPersonId()).isEqualTo(ann);
    assertThat(pco.writes()).isEmpty();
  }

  @Test
  void registerSaysWhichFieldsItLeftOffTheMatchingPerson() {
    pco.addPerson("Ann", "Lee", "ann@example.org");

    ContactResult r = lookupRegister().register(PersonData.builder().firstName("Ann").lastName("Lee")
        .email("ann@example.org").phone(PhoneType.MOBILE, "623-555-0142").build());

    assertThat(r.skipped()).filteredOn(s -> s.field() == SyncField.MOBILE_PHONE).singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("never changes an existing PCO person"));
  }

  @Test
  void registerRefusesAProfileThatAddsPeopleToServices() {
    PcoSync bidirectional = sync(account(SyncProfile.bidirectional()).build());

    assertThatThrownBy(() -> bidirectional.register(PersonData.builder().firstName("Ann").lastName("Lee")
        .email("ann@example.org").build()))
        .isInstanceOfSatisfying(PcoSyncException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION));
  }

  @Test
  void registerWithoutALastNameIsATypedErrorNamingTheField() {
    assertThatThrownBy(() -> lookupRegister().register(PersonData.builder().firstName("Ann").email("ann@example.org").build()))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lastName"));
  }

  // ---- import from PCO ------------------------------------------------------------------------------

  PcoAccount importing() {
    return account(SyncProfile.bidirectional()).defaultConnectionStatus("Visitor")
        .importGroup(PermissionLevel.EDITOR, "imported-editors").build();
  }

  /** Host: Jimmy (1) with the email PCO has; an import group outside any sync. */
  void hostForImport() {
    host = InMemoryHost.of(HostFixture.builder()
        .person("1", PersonData.builder().firstName("James").nickname("Jimmy").lastName("Parker").email(JIMMY_EMAIL).build())
        .group(null, SyncGroup.permissionGroup("imported-editors", "Imported editors", PermissionLevel.EDITOR))
        .build(), clock);
  }

  @Test
  void importLinksAHostPersonWithTheSameEmailAndName() {
    String jimmy = pco.addPerson("Jimmy", "Parker", JIMMY_EMAIL);
    hostForImport();

    ImportReport r = sync(importing()).importFromPco();

    assertThat(pcoIdOf("1")).isEqualTo(jimmy);
    assertThat(r.matched()).isEqualTo(1);
    assertThat(host.people().findByEmail(JIMMY_EMAIL)).hasSize(1);
  }

  @Test
  void importCreatesUnmatchedPeopleWithTheDefaultConnectionStatus() {
    String olive = pco.addPerson("Olive", "Only", "olive@example.org");
    hostForImport();

    ImportReport r = sync(importing()).importFromPco();

    assertThat(r.created()).isEqualTo(2); // Olive and the account's own user
    String hostId = host.people().findByEmail("olive@example.org").get(0).id();
    assertThat(host.people().connectionStatus(hostId)).contains("Visitor");
    assertThat(state.linkByPco(ACCOUNT, olive)).isPresent();
  }

  @Test
  void importAddsPeopleToTheGroupOfTheirServicesLevel() {
    String olive = pco.addPerson("Olive", "Only", "olive@example.org");
    pco.addToServices(olive, "Editor");
    hostForImport();

    ImportReport r = sync(importing()).importFromPco();

    String hostId = host.people().findByEmail("olive@example.org").get(0).id();
    assertThat(host.groups().activeMemberIds("imported-editors")).containsExactly(hostId);
    assertThat(r.addedToGroups()).isEqualTo(1);
  }

  @Test
  void importOfAPersonMatchingTwoHostPeopleIsReportedAndLinksNobody() {
    String jimmy = pco.addPerson("Jimmy", "Parker", JIMMY_EMAIL);
    hostForImport();
    host.people().create(PersonData.builder().firstName("Jimmy").lastName("Parker").email(JIMMY_EMAIL).build(), null);
    int hostPeople = host.people().size();

    ImportReport r = sync(importing()).importFromPco();

    assertThat(r.failures()).singleElement().satisfies(f -> {
      assertThat(f.pcoPersonId()).isEqualTo(jimmy);
      assertThat(f.code()).isEqualTo(ErrorCode.AMBIGUOUS_MATCH);
    });
    assertThat(state.linkByPco(ACCOUNT, jimmy)).isEmpty();
    assertThat(host.people().size()).isEqualTo(hostPeople + 1); // only the account's own user was created
  }

  @Test
  void importWhileARunHoldsTheLeaseFailsFastAndImportsNobody() {
    pco.addPerson("Olive", "Only", "olive@example.org");
    hostForImport();
    state.tryAcquireLease(ACCOUNT, "the 2-hourly job", clock.instant(), Duration.ofHours(1)).orElseThrow();

    assertThatThrownBy(() -> sync(importing()).importFromPco()).isInstanceOf(SyncAlreadyRunningException.class);
    assertThat(host.people().size()).isEqualTo(1);
  }

  @Test
  void importAgainLeavesLinkedPeopleAlone() {
    pco.addPerson("Olive", "Only", "olive@example.org");
    hostForImport();
    sync(importing()).importFromPco();
    int hostPeople = host.people().size();

    ImportReport again = sync(importing()).importFromPco();

    assertThat(again.alreadyLinked()).isEqualTo(2);
    assertThat(again.created() + again.matched()).isZero();
    assertThat(host.people().size()).isEqualTo(hostPeople);
  }

  @Test
  void interruptedImportResumesFromItsCheckpointWithoutDuplicatingAnyone() {
    for (int i = 0; i < 102; i++) {
      pco.addPerson("Person" + i, "Imported", "p" + i + "@example.org");
    }
    hostForImport();
    port.failNextLaterPage();
    ImportReport first = sync(importing()).importFromPco();
    assertThat(first.complete()).isFalse();
    assertThat(first.failures()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo(ErrorCode.PCO_UNAVAILABLE));

    ImportReport second = sync(importing()).importFromPco();

    assertThat(second.complete()).isTrue();
    assertThat(second.alreadyLinked()).isZero(); // resumed where it stopped, not from the start
    assertThat(first.created() + second.created()).isEqualTo(103);
    assertThat(host.people().size()).isEqualTo(104);
    assertThat(new HashSet<>(state.links(ACCOUNT).stream().map(Link::pcoPersonId).toList())).hasSize(103);
  }
}
