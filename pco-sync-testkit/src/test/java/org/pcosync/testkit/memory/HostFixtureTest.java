package org.pcosync.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pcosync.api.HostPerson;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncGroup;

/** {@link HostFixture}: validation, copies and the builder. */
final class HostFixtureTest {
  private static final PersonData TED = PersonData.builder().firstName("Ted").build();

  @Test
  void twoPeopleWithOneStableIdAreRefused() {
    List<HostPerson> people = List.of(new HostPerson("1", "s", TED, null, null), new HostPerson("2", "s", TED, null, null));

    assertThatThrownBy(() -> new HostFixture(people, List.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stable id s");
  }

  @Test
  void aMemberCannotBeBothActiveAndInactive() {
    SyncGroup g = SyncGroup.tagGroup("g", "G", Set.of());

    assertThatThrownBy(() -> new HostFixture.Group("a", g, Set.of("1"), Set.of("1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void membersOfAGroupNotAddedYetAreRefused() {
    assertThatThrownBy(() -> HostFixture.builder().members("g", "1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyTagSelectionsAreDropped() {
    HostFixture f = new HostFixture(List.of(), List.of(), Map.of("a", Map.of("1", Set.of())));

    assertThat(f.selectedTags()).isEmpty();
  }

  @Test
  void toBuilderRebuildsAnEqualFixture() {
    HostFixture f = HostFixture.builder()
        .person("1", TED)
        .group("a", SyncGroup.tagGroup("g", "G", Set.of("t")), "1")
        .inactiveMembers("g", "2")
        .selectedTags("a", "1", "t")
        .build();

    assertThat(f.toBuilder().build()).isEqualTo(f);
  }

  @Test
  void aVariantLeavesTheOriginalAlone() {
    HostFixture f = HostFixture.builder().person("1", TED).build();

    HostFixture variant = f.toBuilder().person("2", TED).build();

    assertThat(f.people()).hasSize(1);
    assertThat(variant.people()).hasSize(2);
  }

  @Test
  void lookupsFindPeopleGroupsAndTags() {
    HostFixture f = HostFixture.builder()
        .person("1", TED).group(null, SyncGroup.tagGroup("g", "G", Set.of()), "1").selectedTags("a", "1", "t").build();

    assertThat(f.person("1")).isPresent();
    assertThat(f.group("g")).map(HostFixture.Group::accountId).isEmpty();
    assertThat(f.selectedTags("a", "1")).containsExactly("t");
  }
}
