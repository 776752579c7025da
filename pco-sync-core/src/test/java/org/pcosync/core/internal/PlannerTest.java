package org.pcosync.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pcosync.api.ConflictPolicy;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.FieldSnapshot;
import org.pcosync.api.HostPerson;
import org.pcosync.api.Link;
import org.pcosync.api.NameMapping;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.RunMode;
import org.pcosync.api.ServicesState;
import org.pcosync.api.SyncField;
import org.pcosync.api.SyncProfile;
import org.pcosync.core.BaseMove;
import org.pcosync.core.FieldChange;
import org.pcosync.core.PersonPlan;
import org.pcosync.core.SyncOperation;
import org.pcosync.core.SyncPlan;
import org.pcosync.core.port.PersonAttribute;
import org.pcosync.core.port.PortEmail;
import org.pcosync.core.port.PortPerson;
import org.pcosync.core.port.PortPhone;
import org.pcosync.core.port.PortServicesPerson;

/** The pure planner, fed snapshots directly: no port, no host, no store. */
final class PlannerTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-05T10:00:00Z");
  private static final String EMAIL = "ted@example.org";

  private static PcoAccount account(SyncProfile profile) {
    return PcoAccount.builder("a").credentials(PcoCredentials.personalAccessToken("app", "s")).profile(profile).build();
  }

  private static PcoAccount bidirectional() {
    return account(SyncProfile.bidirectional().withRule(
        SyncProfile.bidirectional().rule(SyncField.TAGS).withDirection(org.pcosync.api.Direction.NONE)));
  }

  private static HostPerson host(PersonData data, Instant modifiedAt) {
    return new HostPerson("1", "1", data, null, modifiedAt);
  }

  private static PersonData.Builder ted() {
    return PersonData.builder().firstName("Ted").lastName("Decker").email(EMAIL);
  }

  private static PortPerson pco(String middle, Instant updatedAt, List<PortPhone> phones, String gender) {
    return new PortPerson("p1", "Ted", null, null, middle, "Decker", gender, null, null, null, false, T0, updatedAt,
        List.of(new PortEmail("e1", EMAIL, "Home", true, T0)), phones, List.of());
  }

  private static PortPerson pco(String middle) {
    return pco(middle, T0, List.of(), null);
  }

  /** A link whose bases are what {@code data} snapshots to (both sides agreed on it). */
  private static Link linkAgreeingOn(PersonData data, PermissionLevel level) {
    FieldSnapshot base = Fields.host(HostPerson.of("1", data), NameMapping.LEGAL_TO_GIVEN_NICK_TO_FIRST).snapshot()
        .with(SyncField.PERMISSION, level.pcoValue());
    return Link.create("a", "1", "p1", T0).withBases(base, base, T0);
  }

  private static SyncSet.Member member(PermissionLevel level) {
    return new SyncSet.Member(level, Set.of(), Set.of(), Set.of(), Set.of("g"));
  }

  private static SyncPlan plan(PcoAccount account, HostPerson host, Link link, PortPerson pco,
      ServicesState state, PermissionLevel desired) {
    Map<String, PortServicesPerson> services = state == ServicesState.ABSENT ? Map.of()
        : Map.of("p1", new PortServicesPerson("p1", state, false, Set.of(), T0));
    return Planner.plan(new PlanInput(account, RunMode.FULL, T1,
        List.of(new PlanInput.HostEntry(host, member(desired))), List.of(), List.of(),
        link == null ? Map.of() : Map.of("1", link), pco == null ? Map.of() : Map.of("p1", pco), true, services, true,
        Set.of(), Map.of(), Map.of(), "me", Set.of(), null, Map.of()));
  }

  private static SyncPlan plan(PcoAccount account, HostPerson host, Link link, PortPerson pco) {
    return plan(account, host, link, pco, ServicesState.active(PermissionLevel.VIEWER), PermissionLevel.VIEWER);
  }

  private static List<SyncOperation> ops(SyncPlan plan) {
    PersonPlan p = plan.person("1");
    return p == null ? List.of() : p.operations();
  }

  @Test
  void onlyTheHostChangedWritesPcoInOnePatch() {
    Link link = linkAgreeingOn(ted().middleName("A").build(), PermissionLevel.VIEWER);

    SyncPlan plan = plan(bidirectional(), host(ted().middleName("B").lastName("Deck").build(), T1), link, pco("A"));

    assertThat(ops(plan)).singleElement().isInstanceOfSatisfying(SyncOperation.UpdatePcoPerson.class, u -> {
      assertThat(u.attributes()).containsEntry(PersonAttribute.MIDDLE_NAME, "B").containsEntry(PersonAttribute.LAST_NAME, "Deck");
      assertThat(u.changes()).contains(new FieldChange(SyncField.MIDDLE_NAME, "A", "B"));
    });
  }

  @Test
  void onlyPcoChangedWritesTheHost() {
    Link link = linkAgreeingOn(ted().middleName("A").build(), PermissionLevel.VIEWER);

    SyncPlan plan = plan(bidirectional(), host(ted().middleName("A").build(), T0), link, pco("C"));

    assertThat(ops(plan)).singleElement().isInstanceOfSatisfying(SyncOperation.UpdateHostPerson.class, u -> {
      assertThat(u.personChanges().fields()).containsExactly(SyncField.MIDDLE_NAME);
      assertThat(u.personChanges().values().middleName()).isEqualTo("C");
    });
  }

  @Test
  void bothSidesChangedToTheSameValueOnlyMovesTheBase() {
    Link link = linkAgreeingOn(ted().middleName("A").build(), PermissionLevel.VIEWER);

    SyncPlan plan = plan(bidirectional(), host(ted().middleName("Same").build(), T1), link, pco("Same"));

    assertThat(ops(plan)).containsExactly(new SyncOperation.MoveBases(List.of(new BaseMove(SyncField.MIDDLE_NAME, "Same", "Same"))));
    assertThat(plan.conflicts()).isEmpty();
    assertThat(plan.hasChanges()).isFalse();
  }

  @Test
  void pcoWinsPolicyWritesTheHostAndReportsBothValues() {
    Link link = linkAgreeingOn(ted().middleName("A").build(), PermissionLevel.VIEWER);

    SyncPlan plan = plan(account(SyncProfile.bidirectional().withConflictPolicy(ConflictPolicy.PCO_WINS)),
        host(ted().middleName("H").build(), T1), link, pco("P"));

    assertThat(ops(plan)).hasAtLeastOneElementOfType(SyncOperation.UpdateHostPerson.class)
        .doesNotHaveAnyElementsOfTypes(SyncOperation.UpdatePcoPerson.class);
    assertThat(plan.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.hostValue()).isEqualTo("H");
      assertThat(c.pcoValue()).isEqualTo("P");
      assertThat(c.winner()).isEqualTo("pco");
    });
  }

  @Test
  void newestWinsPicksTheSideModifiedLast() {
    Link link = linkAgreeingOn(ted().middleName("A").build(), PermissionLevel.VIEWER);

    SyncPlan plan = plan(account(SyncProfile.bidirectional().withConflictPolicy(ConflictPolicy.NEWEST_WINS)),
        host(ted().middleName("H").build(), T0), link, pco("P", T1, List.of(), null));

    assertThat(plan.conflicts()).singleElement().satisfies(c -> assertThat(c.winner()).isEqualTo("pco"));
  }

  @Test
  void holdForReviewWritesNeitherSide() {
    Link link = linkAgreeingOn(ted().middleName("A").build(), PermissionLevel.VIEWER);

    SyncPlan plan = plan(account(SyncProfile.bidirectional().withConflictPolicy(ConflictPolicy.HOLD_FOR_REVIEW)),
        host(ted().middleName("H").build(), T1), link, pco("P"));

    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.conflicts()).singleElement().satisfies(c -> assertThat(c.winner()).isEqualTo("held"));
  }

  @Test
  void fillIfEmptyNeverOverwritesAPcoValue() {
    PersonData base = ted().gender(org.pcosync.api.Gender.FEMALE).build();
    Link link = linkAgreeingOn(base, PermissionLevel.VIEWER);

    SyncPlan plan = plan(account(SyncProfile.formPush()), host(ted().gender(org.pcosync.api.Gender.MALE).build(), T1),
        link, pco(null, T0, List.of(), "Female"));

    assertThat(plan.hasChanges()).isFalse();
  }

  @Test
  void pcoEditOfAHostToPcoFieldIsNotWrittenBackAndOnlyMovesThePcoBase() {
    Link link = linkAgreeingOn(ted().build(), PermissionLevel.VIEWER);
    PortPerson edited = new PortPerson("p1", "Ted", null, null, null, "Decker-PCO", null, null, null, null, false, T0, T1,
        List.of(new PortEmail("e1", EMAIL, "Home", true, T0)), List.of(), List.of());

    SyncPlan plan = plan(account(SyncProfile.push()), host(ted().build(), T0), link, edited);

    assertThat(ops(plan)).containsExactly(
        new SyncOperation.MoveBases(List.of(new BaseMove(SyncField.LAST_NAME, "Decker", "Decker-PCO"))));
  }

  @Test
  void phoneReformattedByPcoIsNotAChange() {
    PersonData data = ted().phone(PhoneType.MOBILE, "555.010.1234").build();
    Link link = linkAgreeingOn(data, PermissionLevel.VIEWER);

    SyncPlan plan = plan(bidirectional(), host(data, T0), link,
        pco(null, T0, List.of(new PortPhone("ph1", "+1 (555) 010-1234", "Mobile", true, T0)), null));

    assertThat(plan.people()).isEmpty();
  }

  @Test
  void primaryPhoneOfALocationIsMappedElseTheOldest() {
    PersonData data = ted().phone(PhoneType.HOME, "555-010-0002").build();
    Link link = linkAgreeingOn(data, PermissionLevel.VIEWER);
    List<PortPhone> phones = List.of(
        new PortPhone("newer", "555-010-0003", "Home", false, T1),
        new PortPhone("older", "555-010-0002", "Home", false, T0));

    SyncPlan plan = plan(bidirectional(), host(ted().phone(PhoneType.HOME, "555-010-0009").build(), T1), link,
        pco(null, T0, phones, null));

    assertThat(ops(plan)).singleElement().isInstanceOfSatisfying(SyncOperation.WritePcoContact.class, w -> {
      assertThat(w.action()).isEqualTo(SyncOperation.ContactAction.UPDATE);
      assertThat(w.entryId()).isEqualTo("older");
    });
  }

  @Test
  void valuePcoRejectedIsNotPlannedAgainAndIsReported() {
    Link link = linkAgreeingOn(ted().build(), PermissionLevel.VIEWER).withRejections(
        FieldSnapshot.EMPTY.with(SyncField.MIDDLE_NAME, "Bad"), FieldSnapshot.EMPTY.with(SyncField.MIDDLE_NAME, "is invalid"));

    SyncPlan plan = plan(bidirectional(), host(ted().middleName("Bad").build(), T1), link, pco(null));

    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.failures()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(ErrorCode.PCO_REJECTED);
      assertThat(f.reason()).contains("is invalid");
    });
  }

  @Test
  void archivedPersonIsRaisedEvenWithoutDowngrade() {
    Link link = linkAgreeingOn(ted().build(), PermissionLevel.VIEWER);

    SyncPlan plan = plan(bidirectional(), host(ted().build(), T0), link, pco(null), ServicesState.ARCHIVED,
        PermissionLevel.SCHEDULED_VIEWER);

    assertThat(ops(plan)).containsExactly(new SyncOperation.SetPermission(ServicesState.ARCHIVED, PermissionLevel.SCHEDULED_VIEWER));
  }

  @Test
  void lowerLevelIsNotPlannedWithoutDowngrade() {
    Link link = linkAgreeingOn(ted().build(), PermissionLevel.EDITOR);

    SyncPlan plan = plan(bidirectional(), host(ted().build(), T0), link, pco(null),
        ServicesState.active(PermissionLevel.EDITOR), PermissionLevel.VIEWER);

    assertThat(plan.hasChanges()).isFalse();
  }

  @Test
  void unknownGenderInPcoIsATypedFailureNamingPersonAndField() {
    Link link = linkAgreeingOn(ted().build(), PermissionLevel.VIEWER);

    SyncPlan plan = plan(bidirectional(), host(ted().build(), T0), link, pco(null, T0, List.of(), "Robot"));

    assertThat(plan.failures()).singleElement().satisfies(f -> {
      assertThat(f.hostPersonId()).isEqualTo("1");
      assertThat(f.pcoPersonId()).isEqualTo("p1");
      assertThat(f.field()).isEqualTo(SyncField.GENDER);
      assertThat(f.code()).isEqualTo(ErrorCode.INVALID_VALUE);
    });
  }

  @Test
  void twoHostPeopleMatchingOnePcoPersonAreBothReportedAndNeitherIsLinked() {
    HostPerson first = new HostPerson("1", "1", ted().build(), null, T0);
    HostPerson twin = new HostPerson("2", "2", ted().build(), null, T0);
    SyncSet.Member m = member(PermissionLevel.VIEWER);

    SyncPlan plan = Planner.plan(new PlanInput(bidirectional(), RunMode.FULL, T1,
        List.of(new PlanInput.HostEntry(first, m), new PlanInput.HostEntry(twin, m)), List.of(), List.of(), Map.of(),
        Map.of("p1", pco(null)), true, Map.of(), true, Set.of(), Map.of(), Map.of(), "me", Set.of(), null, Map.of()));

    assertThat(plan.people()).isEmpty();
    assertThat(plan.failures()).extracting(f -> f.hostPersonId() + ":" + f.code())
        .containsExactly("1:AMBIGUOUS_MATCH", "2:AMBIGUOUS_MATCH");
  }

  @Test
  void createSendsPersonThenContactsThenServicesInOrder() {
    PersonData data = ted().nickname("Teddy").phone(PhoneType.MOBILE, "555-010-1234").birthdate(LocalDate.of(2002, 2, 10)).build();

    SyncPlan plan = plan(bidirectional(), host(data, T0), null, null, ServicesState.ABSENT, PermissionLevel.EDITOR);

    assertThat(ops(plan)).extracting(o -> o.getClass().getSimpleName()).containsExactly(
        "CreatePerson", "WritePcoContact", "WritePcoContact", "AddToServices", "SetPermission");
    assertThat(((SyncOperation.CreatePerson) ops(plan).get(0)).attributes())
        .containsEntry(PersonAttribute.FIRST_NAME, "Teddy").containsEntry(PersonAttribute.GIVEN_NAME, "Ted")
        .containsEntry(PersonAttribute.REMOTE_ID, "1").containsEntry(PersonAttribute.BIRTHDATE, "2002-02-10");
  }

  @Test
  void firstToFirstNameMappingWritesTheFirstNameAndTheNickname() {
    PersonData data = ted().nickname("Teddy").build();

    SyncPlan plan = plan(account(SyncProfile.bidirectional()).toBuilder().nameMapping(NameMapping.FIRST_TO_FIRST_NICK_TO_NICKNAME).build(),
        host(data, T0), null, null, ServicesState.ABSENT, PermissionLevel.VIEWER);

    Map<PersonAttribute, String> expected = new EnumMap<>(PersonAttribute.class);
    expected.put(PersonAttribute.FIRST_NAME, "Ted");
    expected.put(PersonAttribute.NICKNAME, "Teddy");
    assertThat(((SyncOperation.CreatePerson) ops(plan).get(0)).attributes()).containsAllEntriesOf(expected)
        .doesNotContainKey(PersonAttribute.GIVEN_NAME);
  }

  // ---- people who can log in (account option "edit contact fields of login users") ---------------

  private static PortPerson pcoWhoCanLogIn(String email) {
    return new PortPerson("p1", "Ted", null, null, "A", "Decker", null, null, null, null, false, true, T0, T0,
        List.of(new PortEmail("e1", email, "Home", true, T0)), List.of(), List.of());
  }

  private static PcoAccount notEditingLoginUsersContacts() {
    return bidirectional().toBuilder().editContactFieldsOfLoginUsers(false).build();
  }

  @Test
  void contactFieldOfAPersonWhoCanLogInIsNotWrittenWhenTheOptionIsOff() {
    Link link = linkAgreeingOn(ted().middleName("A").build(), PermissionLevel.VIEWER);

    SyncPlan plan = plan(notEditingLoginUsersContacts(),
        host(ted().middleName("B").email("ted.new@example.org").build(), T1), link, pcoWhoCanLogIn(EMAIL));

    assertThat(ops(plan)).noneMatch(o -> o instanceof SyncOperation.WritePcoContact)
        .anyMatch(o -> o instanceof SyncOperation.UpdatePcoPerson);
    assertThat(plan.skipped()).singleElement().satisfies(k -> {
      assertThat(k.hostPersonId()).isEqualTo("1");
      assertThat(k.pcoPersonId()).isEqualTo("p1");
      assertThat(k.reason()).startsWith("EMAIL not written to PCO").contains("can log in");
    });
  }

  @Test
  void contactFieldOfAPersonWhoCanLogInIsWrittenWhenTheOptionIsOn() {
    Link link = linkAgreeingOn(ted().middleName("A").build(), PermissionLevel.VIEWER);

    SyncPlan plan = plan(bidirectional(), host(ted().middleName("A").email("ted.new@example.org").build(), T1), link,
        pcoWhoCanLogIn(EMAIL));

    assertThat(ops(plan)).anyMatch(o -> o instanceof SyncOperation.WritePcoContact);
    assertThat(plan.skipped()).isEmpty();
  }

  @Test
  void pcoEditOfALoginUsersEmailStillReachesTheHostWhenTheOptionIsOff() {
    Link link = linkAgreeingOn(ted().middleName("A").build(), PermissionLevel.VIEWER);

    SyncPlan plan = plan(notEditingLoginUsersContacts(), host(ted().middleName("A").build(), T0), link,
        pcoWhoCanLogIn("ted.pco@example.org"));

    assertThat(ops(plan)).singleElement().isInstanceOfSatisfying(SyncOperation.UpdateHostPerson.class,
        u -> assertThat(u.personChanges().values().email()).isEqualTo("ted.pco@example.org"));
    assertThat(plan.skipped()).isEmpty();
  }
}
