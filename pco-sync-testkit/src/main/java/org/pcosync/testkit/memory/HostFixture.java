package org.pcosync.testkit.memory;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcosync.api.HostPerson;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncGroup;

/**
 * What a host holds before a test starts: people, groups with their members, and each person's
 * selected "PCO Tags" per account. Seeds the in-memory host ({@link InMemoryHost}) and is what the
 * contract kit hands an integrator's factory, so their adapter starts from the same data.
 *
 * <pre>{@code
 * HostFixture fixture = HostFixture.builder()
 *     .person("p1", PersonData.builder().firstName("Ted").lastName("Decker").email("ted@example.org").build())
 *     .group("church-1", SyncGroup.permissionGroup("g1", "Worship", PermissionLevel.EDITOR), "p1")
 *     .selectedTags("church-1", "p1", "tag-7")
 *     .build();
 * InMemoryHost host = InMemoryHost.of(fixture, clock);
 * }</pre>
 *
 * <p>Ids are unique: no two people share an id or a stable id, no two groups an id. Members and
 * tagged people need not be people of the fixture (a host may hold dangling references).
 * Immutable and thread-safe.
 *
 * @param people the people in insertion order
 * @param groups the groups in insertion order
 * @param selectedTags account id → person id → selected PCO tag ids (never an empty set)
 */
public record HostFixture(
    List<HostPerson> people, List<Group> groups, Map<String, Map<String, Set<String>>> selectedTags) {

  /** A fixture with nobody in it. */
  public static final HostFixture EMPTY = new HostFixture(List.of(), List.of(), Map.of());

  /**
   * A host group as a fixture holds it.
   *
   * <p>Immutable and thread-safe.
   *
   * @param accountId the account the group syncs with; {@code null} for a group configured for no
   *     account (it must not show up in {@code syncGroups} of any account)
   * @param group the group's id, name, level and linked tags
   * @param activeMemberIds current ids of the active members, in insertion order
   * @param inactiveMemberIds current ids of members that are in the group but inactive (a host's
   *     "inactive" or "pending" membership): they are not active members
   */
  public record Group(String accountId, SyncGroup group, Set<String> activeMemberIds, Set<String> inactiveMemberIds) {

    /** Validates the components and copies the collections. */
    public Group {
      requireNonNull(group, "group == null");
      activeMemberIds = Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(activeMemberIds, "activeMemberIds == null")));
      inactiveMemberIds = Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(inactiveMemberIds, "inactiveMemberIds == null")));
      for (String id : inactiveMemberIds) {
        if (activeMemberIds.contains(id)) {
          throw new IllegalArgumentException(id + " is both an active and an inactive member of " + group.id());
        }
      }
    }

    /** Returns the group's id. */
    public String id() {
      return group.id();
    }
  }

  /** Validates the components and copies the collections. */
  public HostFixture {
    people = List.copyOf(requireNonNull(people, "people == null"));
    groups = List.copyOf(requireNonNull(groups, "groups == null"));
    requireNonNull(selectedTags, "selectedTags == null");
    Set<String> ids = new HashSet<>();
    Set<String> stableIds = new HashSet<>();
    for (HostPerson p : people) {
      if (!ids.add(p.id())) {
        throw new IllegalArgumentException("two people with id " + p.id());
      }
      if (!stableIds.add(p.stableId())) {
        throw new IllegalArgumentException("two people with stable id " + p.stableId());
      }
    }
    Set<String> groupIds = new HashSet<>();
    for (Group g : groups) {
      if (!groupIds.add(g.id())) {
        throw new IllegalArgumentException("two groups with id " + g.id());
      }
    }
    Map<String, Map<String, Set<String>>> tags = new LinkedHashMap<>();
    selectedTags.forEach(
        (account, byPerson) -> {
          requireNonNull(account, "selectedTags has a null account");
          Map<String, Set<String>> copy = new LinkedHashMap<>();
          byPerson.forEach(
              (person, tagIds) -> {
                requireNonNull(person, "selectedTags has a null person");
                if (!tagIds.isEmpty()) {
                  copy.put(person, Collections.unmodifiableSet(new LinkedHashSet<>(tagIds)));
                }
              });
          if (!copy.isEmpty()) {
            tags.put(account, Collections.unmodifiableMap(copy));
          }
        });
    selectedTags = Collections.unmodifiableMap(tags);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this fixture's data, to derive a variant. */
  public Builder toBuilder() {
    Builder b = new Builder();
    people.forEach(p -> b.people.put(p.id(), p));
    groups.forEach(g -> b.groups.put(g.id(), new MutableGroup(g)));
    selectedTags.forEach((a, m) -> m.forEach((p, t) -> b.tags(a).put(p, new LinkedHashSet<>(t))));
    return b;
  }

  /** Returns the person with this id, or empty. */
  public Optional<HostPerson> person(String id) {
    return people.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** Returns the group with this id, or empty. */
  public Optional<Group> group(String id) {
    return groups.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  /** Returns the tag ids selected for a person in an account; empty when none. */
  public Set<String> selectedTags(String accountId, String personId) {
    return selectedTags.getOrDefault(accountId, Map.of()).getOrDefault(personId, Set.of());
  }

  /** Builds a {@link HostFixture}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, HostPerson> people = new LinkedHashMap<>();
    private final Map<String, MutableGroup> groups = new LinkedHashMap<>();
    private final Map<String, Map<String, Set<String>>> selectedTags = new LinkedHashMap<>();

    private Builder() {}

    /** Adds (or replaces, by id) a person. */
    public Builder person(HostPerson person) {
      requireNonNull(person, "person == null");
      people.put(person.id(), person);
      return this;
    }

    /** Adds (or replaces, by id) a person whose stable id is its id and who has no photo. */
    public Builder person(String id, PersonData data) {
      return person(HostPerson.of(id, data));
    }

    /**
     * Adds (or replaces, by id) a group syncing with an account, with its active members.
     *
     * @param accountId the account; {@code null} for a group that syncs with no account
     */
    public Builder group(String accountId, SyncGroup group, String... activeMemberIds) {
      requireNonNull(group, "group == null");
      MutableGroup g = new MutableGroup(accountId, group);
      g.active.addAll(List.of(activeMemberIds));
      groups.put(group.id(), g);
      return this;
    }

    /**
     * Adds active members to a group added before.
     *
     * @throws IllegalArgumentException for a group not added yet
     */
    public Builder members(String groupId, String... personIds) {
      MutableGroup g = existing(groupId);
      for (String id : personIds) {
        g.inactive.remove(id);
        g.active.add(requireNonNull(id, "personId == null"));
      }
      return this;
    }

    /**
     * Adds inactive members to a group added before: in the group, but not active members.
     *
     * @throws IllegalArgumentException for a group not added yet
     */
    public Builder inactiveMembers(String groupId, String... personIds) {
      MutableGroup g = existing(groupId);
      for (String id : personIds) {
        g.active.remove(id);
        g.inactive.add(requireNonNull(id, "personId == null"));
      }
      return this;
    }

    /** Sets the tag ids selected for a person in an account; none clears them. */
    public Builder selectedTags(String accountId, String personId, String... tagIds) {
      requireNonNull(accountId, "accountId == null");
      requireNonNull(personId, "personId == null");
      Set<String> set = new LinkedHashSet<>(List.of(tagIds));
      if (set.isEmpty()) {
        tags(accountId).remove(personId);
      } else {
        tags(accountId).put(personId, set);
      }
      return this;
    }

    /** Returns the fixture. */
    public HostFixture build() {
      List<Group> built = new ArrayList<>();
      groups.values().forEach(g -> built.add(new Group(g.accountId, g.group, g.active, g.inactive)));
      return new HostFixture(new ArrayList<>(people.values()), built, selectedTags);
    }

    private Map<String, Set<String>> tags(String accountId) {
      return selectedTags.computeIfAbsent(accountId, a -> new LinkedHashMap<>());
    }

    private MutableGroup existing(String groupId) {
      MutableGroup g = groups.get(groupId);
      if (g == null) {
        throw new IllegalArgumentException("no group " + groupId + " yet: add it with group(..) first");
      }
      return g;
    }
  }

  private static final class MutableGroup {
    final String accountId;
    final SyncGroup group;
    final Set<String> active = new LinkedHashSet<>();
    final Set<String> inactive = new LinkedHashSet<>();

    MutableGroup(String accountId, SyncGroup group) {
      this.accountId = accountId;
      this.group = group;
    }

    MutableGroup(Group g) {
      this(g.accountId(), g.group());
      active.addAll(g.activeMemberIds());
      inactive.addAll(g.inactiveMemberIds());
    }
  }
}
