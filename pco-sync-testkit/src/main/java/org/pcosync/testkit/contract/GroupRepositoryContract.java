package org.pcosync.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncGroup;
import org.pcosync.api.spi.GroupRepository;
import org.pcosync.testkit.memory.HostFixture;

/**
 * The contract of {@link GroupRepository}, as a JUnit 5 test class an adapter's test extends.
 *
 * <pre>{@code
 * final class MyGroupRepositoryContractTest extends GroupRepositoryContract {
 *   @Override
 *   protected GroupRepository createRepository(HostFixture fixture) {
 *     return MyGroupRepository.seededWith(fixture);   // a fresh, empty database each time
 *   }
 * }
 * }</pre>
 *
 * <p>Every test gets a fresh repository from {@link #createRepository}, seeded with {@link #FIXTURE}:
 * its people, its groups (each configured for the account given, or for none), their active members
 * and their inactive members (a host without inactive memberships may leave those out).
 *
 * <p>Not thread-safe: JUnit creates one instance per test.
 */
public abstract class GroupRepositoryContract {

  /** The account most groups sync with. */
  public static final String ACCOUNT = "church-1";
  /** Another account, with a group of its own. */
  public static final String OTHER_ACCOUNT = "church-2";

  /** A permission group of {@link #ACCOUNT}: Editors 101 and 102 active, 103 inactive. */
  public static final SyncGroup WORSHIP = SyncGroup.permissionGroup("201", "Worship Team", PermissionLevel.EDITOR);
  /** A tag group of {@link #ACCOUNT} linking two tags: 103 active. */
  public static final SyncGroup KIDS = SyncGroup.tagGroup("202", "Kids Volunteers", Set.of("tag-1", "tag-2"));
  /** A group of {@link #ACCOUNT} with both a level and a linked tag, and no members. */
  public static final SyncGroup EMPTY = new SyncGroup("203", "New Team", PermissionLevel.SCHEDULER, Set.of("tag-3"));
  /** A group of {@link #OTHER_ACCOUNT}: 101 active. */
  public static final SyncGroup ELSEWHERE = SyncGroup.permissionGroup("204", "Other Campus", PermissionLevel.VIEWER);
  /** A group that syncs with no account: 104 active. */
  public static final SyncGroup UNSYNCED = SyncGroup.tagGroup("205", "Book Club", Set.of());

  /** The groups and people every test starts with. */
  public static final HostFixture FIXTURE = HostFixture.builder()
      .person("101", PersonData.builder().firstName("Ted").lastName("Decker").build())
      .person("102", PersonData.builder().firstName("Pat").lastName("Lee").build())
      .person("103", PersonData.builder().firstName("Sam").lastName("Lee").build())
      .person("104", PersonData.builder().firstName("Alex").lastName("Lee").build())
      .person("105", PersonData.builder().firstName("Jo").lastName("Nomail").build())
      .group(ACCOUNT, WORSHIP, "101", "102")
      .inactiveMembers(WORSHIP.id(), "103")
      .group(ACCOUNT, KIDS, "103")
      .group(ACCOUNT, EMPTY)
      .group(OTHER_ACCOUNT, ELSEWHERE, "101")
      .group(null, UNSYNCED, "104")
      .build();

  /** The repository under test, fresh for each test. */
  protected GroupRepository repository;

  /** Creates the kit; subclasses need a no-argument constructor. */
  protected GroupRepositoryContract() {}

  /**
   * Returns a new repository holding exactly the fixture's groups and memberships (and its people,
   * if the host needs them to exist). Called once per test.
   *
   * @param fixture the data to seed, always {@link #FIXTURE} today
   */
  protected abstract GroupRepository createRepository(HostFixture fixture);

  @BeforeEach
  final void createSubject() {
    repository = createRepository(FIXTURE);
  }

  /** syncGroups. */
  @Nested
  @DisplayName("sync groups")
  final class SyncGroups {

    @Test
    @DisplayName("syncGroups returns the account's groups with their names, levels and linked tags")
    void returnsTheAccountsGroups() {
      assertThat(repository.syncGroups(ACCOUNT)).containsExactlyInAnyOrder(WORSHIP, KIDS, EMPTY);
    }

    @Test
    @DisplayName("syncGroups leaves out groups of other accounts and groups that sync with no account")
    void leavesOutOtherGroups() {
      assertThat(repository.syncGroups(OTHER_ACCOUNT)).containsExactly(ELSEWHERE);
    }

    @Test
    @DisplayName("syncGroups of an account without groups is empty")
    void emptyForAccountWithoutGroups() {
      assertThat(repository.syncGroups("church-without-groups")).isEmpty();
    }
  }

  /** activeMemberIds. */
  @Nested
  @DisplayName("active members")
  final class ActiveMembers {

    @Test
    @DisplayName("activeMemberIds returns the current ids of the group's active members")
    void returnsActiveMembers() {
      assertThat(repository.activeMemberIds(KIDS.id())).containsExactly("103");
    }

    @Test
    @DisplayName("activeMemberIds leaves out inactive members")
    void leavesOutInactiveMembers() {
      assertThat(repository.activeMemberIds(WORSHIP.id())).containsExactlyInAnyOrder("101", "102");
    }

    @Test
    @DisplayName("activeMemberIds of a group without members is empty")
    void emptyForGroupWithoutMembers() {
      assertThat(repository.activeMemberIds(EMPTY.id())).isEmpty();
    }

    @Test
    @DisplayName("activeMemberIds of an unknown group is empty")
    void emptyForUnknownGroup() {
      assertThat(repository.activeMemberIds("999999")).isEmpty();
    }
  }

  /** addMember. */
  @Nested
  @DisplayName("add member")
  final class AddMember {

    @Test
    @DisplayName("addMember makes the person an active member")
    void addMemberMakesActiveMember() {
      repository.addMember(KIDS.id(), "105");

      assertThat(repository.activeMemberIds(KIDS.id())).containsExactlyInAnyOrder("103", "105");
    }

    @Test
    @DisplayName("addMember of an existing member does nothing")
    void addMemberOfExistingMemberDoesNothing() {
      repository.addMember(KIDS.id(), "103");

      assertThat(repository.activeMemberIds(KIDS.id())).containsExactly("103");
    }

    @Test
    @DisplayName("addMember to an unknown group throws NoSuchElementException")
    void addMemberToUnknownGroupThrows() {
      assertThatThrownBy(() -> repository.addMember("999999", "105")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    @DisplayName("addMember leaves other groups alone")
    void addMemberLeavesOtherGroupsAlone() {
      repository.addMember(EMPTY.id(), "105");

      assertThat(repository.activeMemberIds(KIDS.id())).containsExactly("103");
      assertThat(repository.activeMemberIds(ELSEWHERE.id())).containsExactly("101");
    }
  }
}
