package org.pcosync.core.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.SyncGroup;

/**
 * Who is synced, at which level and with which tags (DESIGN §4): selected tags, tags linked to
 * groups (the group decides; selecting such a tag by hand has no effect), permission groups, the
 * highest level winning, Scheduled Viewer by default. Pure; immutable and thread-safe.
 *
 * @param members host person id → membership, for everyone in the sync set
 * @param controlledTags every tag id a group of the account links
 */
public record SyncSet(Map<String, Member> members, Set<String> controlledTags) {

  /**
   * One person's place in the sync set.
   *
   * @param level the highest level over their groups, else Scheduled Viewer
   * @param groupTags the tags their groups give them
   * @param attributeTags the tags currently selected on their "PCO Tags" attribute
   * @param desiredTags the tags they should carry: hand-selected uncontrolled tags plus group tags
   * @param groupIds the groups that put them in the set
   */
  public record Member(
      PermissionLevel level, Set<String> groupTags, Set<String> attributeTags, Set<String> desiredTags,
      Set<String> groupIds) {}

  /**
   * Computes the sync set.
   *
   * @param groups the account's sync groups
   * @param activeMembers group id → its active members' current ids
   * @param selectedTags person id → tag ids selected on the attribute
   */
  public static SyncSet compute(
      List<SyncGroup> groups, Map<String, Set<String>> activeMembers, Map<String, Set<String>> selectedTags) {
    Set<String> controlled = new HashSet<>();
    groups.forEach(g -> controlled.addAll(g.linkedTagIds()));
    Map<String, PermissionLevel> level = new HashMap<>();
    Map<String, Set<String>> groupTags = new HashMap<>();
    Map<String, Set<String>> groupIds = new HashMap<>();
    for (SyncGroup g : groups) {
      for (String person : activeMembers.getOrDefault(g.id(), Set.of())) {
        level.merge(person, g.effectiveLevel(), PermissionLevel::max);
        groupTags.computeIfAbsent(person, k -> new HashSet<>()).addAll(g.linkedTagIds());
        groupIds.computeIfAbsent(person, k -> new HashSet<>()).add(g.id());
      }
    }
    Set<String> people = new HashSet<>(level.keySet());
    selectedTags.forEach((person, tags) -> {
      for (String t : tags) {
        if (!controlled.contains(t)) { // a tag of their own, not one a group controls
          people.add(person);
          break;
        }
      }
    });
    Map<String, Member> members = new HashMap<>();
    for (String person : people) {
      Set<String> attr = selectedTags.getOrDefault(person, Set.of());
      Set<String> gt = immutable(groupTags.getOrDefault(person, Set.of()));
      Set<String> desired;
      if (attr.isEmpty()) {
        desired = gt; // (attr - controlled) + group tags = the group tags
      } else {
        Set<String> d = new HashSet<>(attr);
        d.removeAll(controlled);
        d.addAll(gt);
        desired = Set.copyOf(d);
      }
      members.put(person, new Member(level.getOrDefault(person, PermissionLevel.SCHEDULED_VIEWER), gt,
          Set.copyOf(attr), desired, immutable(groupIds.getOrDefault(person, Set.of()))));
    }
    return new SyncSet(Map.copyOf(members), Set.copyOf(controlled));
  }

  /** {@code Set.copyOf} without its intermediate {@code HashSet} for the usual zero or one element. */
  private static Set<String> immutable(Set<String> s) {
    switch (s.size()) {
      case 0:
        return Set.of();
      case 1:
        return Set.of(s.iterator().next());
      default:
        return Set.copyOf(s);
    }
  }
}
