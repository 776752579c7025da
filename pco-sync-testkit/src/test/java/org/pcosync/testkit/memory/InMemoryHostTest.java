package org.pcosync.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pcosync.api.HostPerson;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonChanges;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncField;
import org.pcosync.api.SyncGroup;
import org.pcosync.testkit.MutableClock;

/** The in-memory host's helpers beyond the SPI: merges across repositories, edits, ids. */
final class InMemoryHostTest {
  private static final String ACCOUNT = "church-1";
  private static final PersonData PAT = PersonData.builder().firstName("Pat").lastName("Lee").email("lee@example.org").build();
  private static final PersonData SAM = PersonData.builder().firstName("Sam").lastName("Lee").build();

  private final MutableClock clock = MutableClock.create();
  private final HostFixture fixture = HostFixture.builder()
      .person(new HostPerson("1", "alias-a", PAT, null, null))
      .person(new HostPerson("2", "alias-b", SAM, null, null))
      .group(ACCOUNT, SyncGroup.permissionGroup("g1", "Worship", PermissionLevel.EDITOR), "2")
      .group(ACCOUNT, SyncGroup.tagGroup("g2", "Kids", Set.of("t1")))
      .inactiveMembers("g2", "2")
      .selectedTags(ACCOUNT, "2", "t7")
      .selectedTags(ACCOUNT, "1", "t8")
      .build();
  private final InMemoryHost host = InMemoryHost.of(fixture, clock);

  @Test
  void mergeMakesTheRemovedStableIdFindTheKeptPerson() {
    host.merge("1", "2");

    assertThat(host.people().findByStableId("alias-b")).map(HostPerson::id).contains("1");
    assertThat(host.people().findById("2")).isEmpty();
  }

  @Test
  void mergeMovesActiveMembershipsToTheKeptPerson() {
    host.merge("1", "2");

    assertThat(host.groups().activeMemberIds("g1")).containsExactly("1");
  }

  @Test
  void mergeKeepsAnInactiveMembershipInactive() {
    host.merge("1", "2");

    assertThat(host.groups().activeMemberIds("g2")).isEmpty();
  }

  @Test
  void mergeUnitesSelectedTags() {
    host.merge("1", "2");

    assertThat(host.tags().peopleWithTags(ACCOUNT)).containsOnlyKeys("1");
    assertThat(host.tags().selectedTags("1", ACCOUNT)).containsExactlyInAnyOrder("t7", "t8");
  }

  @Test
  void mergeStampsTheKeptPersonModified() {
    clock.advance(Duration.ofMinutes(5));

    HostPerson kept = host.merge("1", "2");

    assertThat(kept.modifiedAt()).isEqualTo(clock.instant());
    assertThat(host.people().modifiedSince(clock.instant())).containsExactly("1");
  }

  @Test
  void mergeOfAPersonIntoThemselvesIsRefused() {
    assertThatThrownBy(() -> host.people().merge("1", "1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mergeOfAnUnknownPersonThrowsNoSuchElement() {
    assertThatThrownBy(() -> host.merge("1", "9")).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aChainOfMergesKeepsEveryStableIdResolving() {
    HostPerson third = host.people().create(PAT, null);
    host.merge("2", "1");

    host.merge(third.id(), "2");

    assertThat(host.people().findByStableIds(java.util.List.of("alias-a", "alias-b", third.stableId())))
        .allSatisfy((stable, person) -> assertThat(person.id()).isEqualTo(third.id()));
  }

  @Test
  void createdPeopleHaveAStableIdThatDiffersFromTheirId() {
    HostPerson created = host.people().create(PAT, "Visitor");

    assertThat(created.stableId()).isNotEqualTo(created.id());
    assertThat(host.people().connectionStatus(created.id())).contains("Visitor");
  }

  @Test
  void createSkipsIdsTheFixtureAlreadyUses() {
    InMemoryPersonRepository people = new InMemoryPersonRepository(
        HostFixture.builder().person(new HostPerson("person-1", "alias-1", PAT, null, null)).build(), clock);

    HostPerson created = people.create(SAM, null);

    assertThat(created.id()).isNotEqualTo("person-1");
    assertThat(created.stableId()).isNotEqualTo("alias-1");
  }

  @Test
  void updatesAreRecordedButHostEditsAreNot() {
    PersonChanges changes = new PersonChanges(Set.of(SyncField.NICKNAME), PersonData.builder().nickname("P").build());
    host.people().update("1", changes);

    host.people().edit("1", d -> d.with(SyncField.LAST_NAME, "Smith"));

    assertThat(host.people().updates()).containsExactly(new InMemoryPersonRepository.Update("1", changes));
    assertThat(host.people().findById("1")).map(p -> p.data().lastName()).contains("Smith");
  }

  @Test
  void aHostEditStampsThePersonModified() {
    clock.advance(Duration.ofHours(1));

    host.people().edit("2", d -> d.with(SyncField.NICKNAME, "Sammy"));

    assertThat(host.people().modifiedSince(clock.instant())).containsExactly("2");
  }

  @Test
  void aDeletedPersonsStableIdFindsNobody() {
    host.people().delete("2");

    assertThat(host.people().findByStableId("alias-b")).isEmpty();
  }

  @Test
  void addMemberActivatesAnInactiveMember() {
    host.groups().addMember("g2", "2");

    assertThat(host.groups().activeMemberIds("g2")).containsExactly("2");
  }

  @Test
  void deactivatedMembersAreNoLongerActive() {
    host.groups().deactivateMember("g1", "2");

    assertThat(host.groups().activeMemberIds("g1")).isEmpty();
    assertThat(host.groups().groupsOf("2")).isEmpty();
  }

  @Test
  void putGroupMovesAGroupToAnotherAccountKeepingItsMembers() {
    host.groups().putGroup("church-2", SyncGroup.permissionGroup("g1", "Worship", PermissionLevel.VIEWER));

    assertThat(host.groups().syncGroups(ACCOUNT)).extracting(SyncGroup::id).containsExactly("g2");
    assertThat(host.groups().syncGroups("church-2")).extracting(SyncGroup::permissionLevel).containsExactly(PermissionLevel.VIEWER);
    assertThat(host.groups().activeMemberIds("g1")).containsExactly("2");
  }

  @Test
  void aFailingUpdateThrowsAndChangesNothing() {
    IllegalStateException error = new IllegalStateException("database is read-only");
    host.people().failUpdatesOf("1", error);
    PersonChanges changes = new PersonChanges(Set.of(SyncField.LAST_NAME), SAM);

    assertThatThrownBy(() -> host.people().update("1", changes)).isSameAs(error);

    assertThat(host.people().findById("1")).map(p -> p.data().lastName()).contains("Lee");
    assertThat(host.people().updates()).isEmpty();
  }

  @Test
  void updatesSucceedAgainOnceTheFailureIsCleared() {
    host.people().failUpdatesOf("1", new IllegalStateException("down"));
    host.people().failUpdatesOf("1", null);

    host.people().update("1", new PersonChanges(Set.of(SyncField.NICKNAME), PersonData.builder().nickname("P").build()));

    assertThat(host.people().findById("1")).map(p -> p.data().nickname()).contains("P");
  }
}
