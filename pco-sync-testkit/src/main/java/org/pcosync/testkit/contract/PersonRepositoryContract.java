package org.pcosync.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pcosync.api.Gender;
import org.pcosync.api.HostPerson;
import org.pcosync.api.Normalize;
import org.pcosync.api.PersonChanges;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.SyncField;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.HostFixture;

/**
 * The contract of {@link PersonRepository}, as a JUnit 5 test class an adapter's test extends.
 *
 * <pre>{@code
 * final class MyPersonRepositoryContractTest extends PersonRepositoryContract {
 *   @Override
 *   protected PersonRepository createRepository(HostFixture fixture, Clock clock) {
 *     return MyPersonRepository.seededWith(fixture, clock);   // a fresh, empty database each time
 *   }
 *
 *   @Override
 *   protected boolean supportsMerge() { return true; }
 *
 *   @Override
 *   protected void merge(PersonRepository repository, String keepId, String removeId) {
 *     ((MyPersonRepository) repository).mergePeople(keepId, removeId);
 *   }
 * }
 * }</pre>
 *
 * <p>Every test gets a fresh repository from {@link #createRepository}, seeded with {@link #FIXTURE}
 * (ids, stable ids and data as given). Values are compared the way the engine compares them: phone
 * numbers by digits, emails ignoring case, addresses ignoring case and spacing; so a host may
 * reformat what it stores. Optional capabilities are skipped, not failed, when switched off:
 * {@link #supportsModifiedSince()} and {@link #supportsMerge()}.
 *
 * <p>Not thread-safe: JUnit creates one instance per test.
 */
public abstract class PersonRepositoryContract {

  /** Theodore "Ted" Decker: every field set. */
  public static final String TED = "101";
  /** Pat Lee: shares an email with Sam, stored in mixed case. */
  public static final String PAT = "102";
  /** Sam Lee: shares an email with Pat. */
  public static final String SAM = "103";
  /** Alex Lee: an email that contains the Lees' shared one's words but is a different address. */
  public static final String ALEX = "104";
  /** Jo Nomail: no email at all. */
  public static final String JO = "105";
  /** The email Pat and Sam share, as the kit asks for it. */
  public static final String SHARED_EMAIL = "lee.family@example.org";

  /** Where the clock handed to {@link #createRepository} starts. */
  public static final Instant START = MutableClock.DEFAULT_START;
  /** The modification time of every fixture person: a day before {@link #START}. */
  public static final Instant SEEDED_AT = START.minus(Duration.ofDays(1));

  /** Ted's data: every person-data field set. */
  public static final PersonData TED_DATA = PersonData.builder()
      .firstName("Theodore").nickname("Ted").middleName("James").lastName("Decker")
      .email("ted@example.org").gender(Gender.MALE)
      .birthdate(LocalDate.of(1980, 2, 3)).anniversary(LocalDate.of(2005, 6, 7))
      .homeAddress(new PostalAddress("1 Main St", null, "Springfield", "IL", "62701", "US"))
      .phone(PhoneType.HOME, "555-0101").phone(PhoneType.WORK, "555-0102").phone(PhoneType.MOBILE, "555-0103")
      .build();

  /** A value for every person-data field, each different from {@link #TED_DATA}'s. */
  public static final PersonData OTHER_DATA = PersonData.builder()
      .firstName("Theo").nickname("T").middleName("Jay").lastName("Deckard")
      .email("theo@example.org").gender(Gender.FEMALE)
      .birthdate(LocalDate.of(1981, 3, 4)).anniversary(LocalDate.of(2006, 7, 8))
      .homeAddress(new PostalAddress("2 Side St", "Apt 4", "Shelbyville", "IN", "46176", "US"))
      .phone(PhoneType.HOME, "555-0111").phone(PhoneType.WORK, "555-0122").phone(PhoneType.MOBILE, "555-0133")
      .build();

  /** The people every test starts with. */
  public static final HostFixture FIXTURE = HostFixture.builder()
      .person(seeded(TED, TED_DATA))
      .person(seeded(PAT, PersonData.builder().firstName("Pat").lastName("Lee").email("Lee.Family@Example.ORG").build()))
      .person(seeded(SAM, PersonData.builder().firstName("Sam").lastName("Lee").email(SHARED_EMAIL).build()))
      .person(seeded(ALEX, PersonData.builder().firstName("Alex").lastName("Lee").email("alex.lee.family@example.org").build()))
      .person(seeded(JO, PersonData.builder().firstName("Jo").lastName("Nomail").build()))
      .build();

  /** The clock handed to {@link #createRepository}; the kit moves it. */
  protected final MutableClock clock = MutableClock.at(START);

  /** The repository under test, fresh for each test. */
  protected PersonRepository repository;

  /** Creates the kit; subclasses need a no-argument constructor. */
  protected PersonRepositoryContract() {}

  /**
   * Returns a new repository holding exactly the fixture's people, with their ids, stable ids and
   * data, and nobody else. Called once per test.
   *
   * @param fixture the people to seed, always {@link #FIXTURE} today
   * @param clock the time source for modification times; only needed for {@link #supportsModifiedSince()}
   */
  protected abstract PersonRepository createRepository(HostFixture fixture, Clock clock);

  /**
   * Returns whether the kit checks {@link PersonRepository#modifiedSince}: true by default. Return
   * false when the repository does not support it, or stamps modification times with another clock
   * than the one handed to {@link #createRepository}; the kit then only checks that an unsupporting
   * repository says so.
   */
  protected boolean supportsModifiedSince() {
    return true;
  }

  /** Returns whether the host merges people, so the kit checks stable identity across a merge; false by default. */
  protected boolean supportsMerge() {
    return false;
  }

  /**
   * Merges person {@code removeId} into person {@code keepId} the way a host admin would. Override
   * together with {@link #supportsMerge()}.
   *
   * @param repository the repository under test
   */
  protected void merge(PersonRepository repository, String keepId, String removeId) {
    throw new UnsupportedOperationException("override merge(..) together with supportsMerge()");
  }

  @BeforeEach
  final void createSubject() {
    repository = createRepository(FIXTURE, clock);
  }

  private static HostPerson seeded(String id, PersonData data) {
    return new HostPerson(id, id, data, null, SEEDED_AT);
  }

  private HostPerson find(String id) {
    return repository.findById(id).orElseThrow(() -> new AssertionError("findById(" + id + ") is empty"));
  }

  /** The values as the engine compares them; one entry per person-data field that has a value. */
  static Map<SyncField, Object> view(PersonData data) {
    Map<SyncField, Object> m = new EnumMap<>(SyncField.class);
    for (SyncField f : SyncField.values()) {
      if (!f.isPersonData()) {
        continue;
      }
      Object v = data.get(f);
      if (f.phoneType() != null) {
        v = Normalize.phoneDigits((String) v);
      } else if (f == SyncField.EMAIL) {
        v = Normalize.email((String) v);
      } else if (f == SyncField.HOME_ADDRESS) {
        v = v == null ? null : ((PostalAddress) v).comparisonKey();
      }
      if (v != null) {
        m.put(f, v);
      }
    }
    return m;
  }

  private static Set<SyncField> personFields() {
    Set<SyncField> s = EnumSet.noneOf(SyncField.class);
    for (SyncField f : SyncField.values()) {
      if (f.isPersonData()) {
        s.add(f);
      }
    }
    return s;
  }

  /** Seeding, create and read back. */
  @Nested
  @DisplayName("create and find")
  final class CreateAndFind {

    @Test
    @DisplayName("a fixture person is found by id with the fixture's data")
    void findsFixturePersonById() {
      HostPerson ted = find(TED);

      assertThat(ted.id()).isEqualTo(TED);
      assertThat(view(ted.data())).isEqualTo(view(TED_DATA));
    }

    @Test
    @DisplayName("a fixture person is found by stable id")
    void findsFixturePersonByStableId() {
      assertThat(repository.findByStableId(TED)).map(HostPerson::id).contains(TED);
    }

    @Test
    @DisplayName("create returns the person with non-blank ids and the given data")
    void createReturnsPersonWithIdsAndData() {
      HostPerson created = repository.create(OTHER_DATA, "Visitor");

      assertThat(created.id()).isNotBlank();
      assertThat(created.stableId()).isNotBlank();
      assertThat(view(created.data())).isEqualTo(view(OTHER_DATA));
    }

    @Test
    @DisplayName("a created person is found by id with the same data")
    void createdPersonIsFoundById() {
      HostPerson created = repository.create(OTHER_DATA, "Visitor");

      assertThat(view(find(created.id()).data())).isEqualTo(view(OTHER_DATA));
    }

    @Test
    @DisplayName("a created person is found by their stable id")
    void createdPersonIsFoundByStableId() {
      HostPerson created = repository.create(OTHER_DATA, "Visitor");

      assertThat(repository.findByStableId(created.stableId())).map(HostPerson::id).contains(created.id());
    }

    @Test
    @DisplayName("a created person is found by email")
    void createdPersonIsFoundByEmail() {
      HostPerson created = repository.create(OTHER_DATA, "Visitor");

      assertThat(repository.findByEmail("theo@example.org")).extracting(HostPerson::id).containsExactly(created.id());
    }

    @Test
    @DisplayName("create accepts a null connection status (the host's default)")
    void createAcceptsNullConnectionStatus() {
      HostPerson created = repository.create(PersonData.builder().firstName("Dee").lastName("Fault").build(), null);

      assertThat(repository.findById(created.id())).isPresent();
    }

    @Test
    @DisplayName("two creates give two people with distinct ids and stable ids, neither a fixture person's")
    void createsGiveDistinctIds() {
      HostPerson a = repository.create(OTHER_DATA, null);
      HostPerson b = repository.create(OTHER_DATA, null);

      assertThat(List.of(a.id(), b.id())).doesNotHaveDuplicates().doesNotContain(TED, PAT, SAM, ALEX, JO);
      assertThat(List.of(a.stableId(), b.stableId())).doesNotHaveDuplicates().doesNotContain(TED, PAT, SAM, ALEX, JO);
    }
  }

  /** Lookups by id, stable id and in batches. */
  @Nested
  @DisplayName("lookups")
  final class Lookups {

    @Test
    @DisplayName("findById of an absent id is empty")
    void findByIdOfAbsentIdIsEmpty() {
      assertThat(repository.findById("999999")).isEmpty();
    }

    @Test
    @DisplayName("findByStableId of an absent stable id is empty")
    void findByStableIdOfAbsentIdIsEmpty() {
      assertThat(repository.findByStableId("999999")).isEmpty();
    }

    @Test
    @DisplayName("findByIds returns the people asked for, keyed by id, and leaves absent ids out")
    void findByIdsLeavesAbsentIdsOut() {
      Map<String, HostPerson> found = repository.findByIds(List.of(TED, "999999", SAM));

      assertThat(found).containsOnlyKeys(TED, SAM);
      assertThat(found.get(TED).id()).isEqualTo(TED);
      assertThat(found.get(SAM).id()).isEqualTo(SAM);
    }

    @Test
    @DisplayName("findByIds of no ids is empty")
    void findByIdsOfNoIdsIsEmpty() {
      assertThat(repository.findByIds(List.of())).isEmpty();
    }

    @Test
    @DisplayName("findByStableIds returns the people asked for, keyed by stable id, and leaves absent ids out")
    void findByStableIdsLeavesAbsentIdsOut() {
      Map<String, HostPerson> found = repository.findByStableIds(List.of(PAT, "999999", JO));

      assertThat(found).containsOnlyKeys(PAT, JO);
      assertThat(found.get(PAT).id()).isEqualTo(PAT);
      assertThat(found.get(JO).id()).isEqualTo(JO);
    }
  }

  /** findByEmail. */
  @Nested
  @DisplayName("email lookup")
  final class EmailLookup {

    @Test
    @DisplayName("findByEmail ignores case")
    void findByEmailIgnoresCase() {
      assertThat(repository.findByEmail("TED@Example.ORG")).extracting(HostPerson::id).containsExactly(TED);
    }

    @Test
    @DisplayName("findByEmail ignores surrounding whitespace")
    void findByEmailIgnoresSurroundingWhitespace() {
      assertThat(repository.findByEmail("  ted@example.org \t")).extracting(HostPerson::id).containsExactly(TED);
    }

    @Test
    @DisplayName("findByEmail returns every person with the email, whatever case it is stored in")
    void findByEmailReturnsEveryMatch() {
      assertThat(repository.findByEmail(SHARED_EMAIL)).extracting(HostPerson::id).containsExactlyInAnyOrder(PAT, SAM);
    }

    @Test
    @DisplayName("findByEmail matches whole addresses, not parts of them")
    void findByEmailMatchesWholeAddresses() {
      assertThat(repository.findByEmail("family@example.org")).isEmpty();
    }

    @Test
    @DisplayName("findByEmail of an unknown email is an empty list")
    void findByEmailOfUnknownEmailIsEmpty() {
      assertThat(repository.findByEmail("nobody@example.org")).isEmpty();
    }

    @Test
    @DisplayName("findByEmail sees an email changed by update, and no longer finds the person by the old one")
    void findByEmailFollowsUpdates() {
      repository.update(TED, new PersonChanges(Set.of(SyncField.EMAIL), OTHER_DATA));

      assertThat(repository.findByEmail("theo@example.org")).extracting(HostPerson::id).containsExactly(TED);
      assertThat(repository.findByEmail("ted@example.org")).isEmpty();
    }
  }

  /** update. */
  @Nested
  @DisplayName("update")
  final class Update {

    @Test
    @DisplayName("update changes exactly the listed fields and leaves every other field as it was")
    void updateChangesExactlyTheListedFields() {
      Map<SyncField, Object> expected = view(TED_DATA.with(SyncField.NICKNAME, "T").with(SyncField.MOBILE_PHONE, "555-0133"));

      repository.update(TED, new PersonChanges(Set.of(SyncField.NICKNAME, SyncField.MOBILE_PHONE), OTHER_DATA));

      assertThat(view(find(TED).data())).isEqualTo(expected);
    }

    @Test
    @DisplayName("update sets every person-data field to the value asked for")
    void updateSetsEveryPersonDataField() {
      Map<SyncField, Object> asked = new EnumMap<>(SyncField.class);
      Map<SyncField, Object> found = new EnumMap<>(SyncField.class);
      for (SyncField f : personFields()) {
        repository.update(TED, new PersonChanges(Set.of(f), OTHER_DATA));
        asked.put(f, view(OTHER_DATA).get(f));
        found.put(f, view(find(TED).data()).get(f));
      }
      assertThat(found).isEqualTo(asked);
    }

    @Test
    @DisplayName("update with a null value clears the listed field and leaves the others")
    void updateWithNullClearsTheField() {
      Set<SyncField> cleared = EnumSet.of(SyncField.EMAIL, SyncField.HOME_ADDRESS, SyncField.BIRTHDATE,
          SyncField.MOBILE_PHONE, SyncField.GENDER, SyncField.MIDDLE_NAME);
      Map<SyncField, Object> expected = view(TED_DATA);
      expected.keySet().removeAll(cleared);

      repository.update(TED, new PersonChanges(cleared, PersonData.builder().build()));

      assertThat(view(find(TED).data())).isEqualTo(expected);
    }

    @Test
    @DisplayName("update returns the person after the change")
    void updateReturnsThePersonAfterTheChange() {
      HostPerson returned = repository.update(TED, new PersonChanges(Set.of(SyncField.LAST_NAME), OTHER_DATA));

      assertThat(returned.id()).isEqualTo(TED);
      assertThat(view(returned.data())).isEqualTo(view(find(TED).data())).containsEntry(SyncField.LAST_NAME, "Deckard");
    }

    @Test
    @DisplayName("update keeps the person's id and stable id")
    void updateKeepsIds() {
      repository.update(TED, new PersonChanges(personFields(), OTHER_DATA));

      assertThat(repository.findByStableId(TED)).map(HostPerson::id).contains(TED);
    }

    @Test
    @DisplayName("update leaves other people alone")
    void updateLeavesOtherPeopleAlone() {
      Map<SyncField, Object> sam = view(find(SAM).data());

      repository.update(TED, new PersonChanges(personFields(), OTHER_DATA));

      assertThat(view(find(SAM).data())).isEqualTo(sam);
    }

    @Test
    @DisplayName("update of an unknown id throws NoSuchElementException")
    void updateOfUnknownIdThrows() {
      PersonChanges changes = new PersonChanges(Set.of(SyncField.LAST_NAME), OTHER_DATA);

      assertThatThrownBy(() -> repository.update("999999", changes)).isInstanceOf(NoSuchElementException.class);
    }
  }

  /** modifiedSince, an optional capability. */
  @Nested
  @DisplayName("modifiedSince")
  final class ModifiedSince {

    @Test
    @DisplayName("a repository without modifiedSince says so and throws UnsupportedOperationException")
    void unsupportedModifiedSinceThrows() {
      assumeFalse(supportsModifiedSince(), "the kit checks modifiedSince");
      assumeFalse(repository.supportsModifiedSince(), "the repository supports modifiedSince");

      assertThatThrownBy(() -> repository.modifiedSince(START)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("supportsModifiedSince() is true")
    void supportsModifiedSinceIsTrue() {
      assumeTrue(supportsModifiedSince(), "modifiedSince is not checked");

      assertThat(repository.supportsModifiedSince()).isTrue();
    }

    @Test
    @DisplayName("modifiedSince includes a person updated exactly at the instant asked for")
    void includesPersonUpdatedAtTheInstant() {
      assumeTrue(supportsModifiedSince(), "modifiedSince is not checked");
      clock.advance(Duration.ofMinutes(1));
      Instant at = clock.instant();

      repository.update(TED, new PersonChanges(Set.of(SyncField.NICKNAME), OTHER_DATA));

      assertThat(repository.modifiedSince(at)).contains(TED);
    }

    @Test
    @DisplayName("modifiedSince includes a person created since")
    void includesPersonCreatedSince() {
      assumeTrue(supportsModifiedSince(), "modifiedSince is not checked");
      clock.advance(Duration.ofMinutes(1));
      Instant since = clock.instant();

      HostPerson created = repository.create(OTHER_DATA, null);

      assertThat(repository.modifiedSince(since)).contains(created.id());
    }

    @Test
    @DisplayName("modifiedSince leaves out people not changed since")
    void leavesOutPeopleNotChangedSince() {
      assumeTrue(supportsModifiedSince(), "modifiedSince is not checked");
      clock.advance(Duration.ofMinutes(1));
      Instant since = clock.instant();

      repository.update(TED, new PersonChanges(Set.of(SyncField.NICKNAME), OTHER_DATA));

      assertThat(repository.modifiedSince(since)).containsExactly(TED);
    }

    @Test
    @DisplayName("modifiedSince leaves out a person changed just before the instant asked for")
    void leavesOutPersonChangedBefore() {
      assumeTrue(supportsModifiedSince(), "modifiedSince is not checked");
      clock.advance(Duration.ofMinutes(1));
      repository.update(TED, new PersonChanges(Set.of(SyncField.NICKNAME), OTHER_DATA));

      assertThat(repository.modifiedSince(clock.instant().plusMillis(1))).doesNotContain(TED);
    }
  }

  /** Stable identity across host merges, an optional capability. */
  @Nested
  @DisplayName("host merge")
  final class HostMerge {

    @BeforeEach
    void mergePatIntoSam() {
      assumeTrue(supportsMerge(), "the host does not merge people");
      merge(repository, SAM, PAT);
    }

    @Test
    @DisplayName("after merging B into A, B's stable id finds A")
    void mergedStableIdFindsKeptPerson() {
      assertThat(repository.findByStableId(PAT)).map(HostPerson::id).contains(SAM);
    }

    @Test
    @DisplayName("after merging B into A, A's own stable id still finds A")
    void keptStableIdStillFindsKeptPerson() {
      assertThat(repository.findByStableId(SAM)).map(HostPerson::id).contains(SAM);
    }

    @Test
    @DisplayName("after merging B into A, findByStableIds maps both stable ids to A, keyed by the stable id asked for")
    void batchLookupMapsBothStableIdsToKeptPerson() {
      Map<String, HostPerson> found = repository.findByStableIds(List.of(PAT, SAM));

      assertThat(found).containsOnlyKeys(PAT, SAM);
      assertThat(found.values()).extracting(HostPerson::id).containsExactly(SAM, SAM);
    }

    @Test
    @DisplayName("after merging B into A, B's stable id follows A's later updates")
    void mergedStableIdFollowsLaterUpdates() {
      repository.update(SAM, new PersonChanges(Set.of(SyncField.NICKNAME), OTHER_DATA));

      assertThat(repository.findByStableId(PAT)).map(p -> p.data().nickname()).contains("T");
    }
  }
}
