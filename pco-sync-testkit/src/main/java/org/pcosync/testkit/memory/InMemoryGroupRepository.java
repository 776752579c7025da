package org.pcosync.testkit.memory;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.pcosync.api.SyncGroup;
import org.pcosync.api.spi.GroupRepository;

/**
 * A {@link GroupRepository} over maps in memory, seeded from a {@link HostFixture}.
 *
 * <pre>{@code
 * InMemoryGroupRepository groups = new InMemoryGroupRepository(fixture);
 * groups.addMember("g1", "p2");
 * groups.removeMember("g1", "p1");   // host-side change between two runs
 * }</pre>
 *
 * <p>Members added through {@link #addMember} are active; adding an inactive member activates them.
 * Besides the SPI, test helpers change groups the way a host admin would: {@link #putGroup},
 * {@link #removeGroup}, {@link #removeMember}, {@link #deactivateMember}, {@link #replaceMember}.
 *
 * <p>Thread-safe; share one instance. Every method is atomic.
 */
public final class InMemoryGroupRepository implements GroupRepository {

  private static final class State {
    String accountId;
    SyncGroup group;
    final Set<String> active = new LinkedHashSet<>();
    final Set<String> inactive = new LinkedHashSet<>();

    State(String accountId, SyncGroup group) {
      this.accountId = accountId;
      this.group = group;
    }
  }

  private final Map<String, State> groups = new LinkedHashMap<>();

  /** Creates a repository without groups. */
  public InMemoryGroupRepository() {
    this(HostFixture.EMPTY);
  }

  /** Creates a repository holding the fixture's groups and memberships. */
  public InMemoryGroupRepository(HostFixture fixture) {
    requireNonNull(fixture, "fixture == null");
    for (HostFixture.Group g : fixture.groups()) {
      State s = new State(g.accountId(), g.group());
      s.active.addAll(g.activeMemberIds());
      s.inactive.addAll(g.inactiveMemberIds());
      groups.put(g.id(), s);
    }
  }

  @Override
  public synchronized List<SyncGroup> syncGroups(String accountId) {
    requireNonNull(accountId, "accountId == null");
    List<SyncGroup> result = new ArrayList<>();
    for (State s : groups.values()) {
      if (accountId.equals(s.accountId)) {
        result.add(s.group);
      }
    }
    return List.copyOf(result);
  }

  @Override
  public synchronized Set<String> activeMemberIds(String groupId) {
    requireNonNull(groupId, "groupId == null");
    State s = groups.get(groupId);
    return s == null ? Set.of() : Set.copyOf(s.active);
  }

  /** {@inheritDoc} An inactive member becomes active. */
  @Override
  public synchronized void addMember(String groupId, String personId) {
    requireNonNull(personId, "personId == null");
    State s = existing(groupId);
    s.inactive.remove(personId);
    s.active.add(personId);
  }

  // ---- host-side helpers ---------------------------------------------------------------------------

  /**
   * Adds or replaces (by id, keeping its members) a group syncing with an account.
   *
   * @param accountId the account; {@code null} for a group that syncs with no account
   */
  public synchronized void putGroup(String accountId, SyncGroup group) {
    requireNonNull(group, "group == null");
    State s = groups.get(group.id());
    if (s == null) {
      groups.put(group.id(), new State(accountId, group));
    } else {
      s.accountId = accountId;
      s.group = group;
    }
  }

  /** Removes a group and its memberships; returns whether there was one. */
  public synchronized boolean removeGroup(String groupId) {
    requireNonNull(groupId, "groupId == null");
    return groups.remove(groupId) != null;
  }

  /**
   * Removes a person from a group (active or not); returns whether they were a member.
   *
   * @throws NoSuchElementException for an unknown group
   */
  public synchronized boolean removeMember(String groupId, String personId) {
    State s = existing(groupId);
    return s.active.remove(personId) | s.inactive.remove(personId);
  }

  /**
   * Makes an active member inactive; returns whether they were active.
   *
   * @throws NoSuchElementException for an unknown group
   */
  public synchronized boolean deactivateMember(String groupId, String personId) {
    State s = existing(groupId);
    if (!s.active.remove(personId)) {
      return false;
    }
    s.inactive.add(personId);
    return true;
  }

  /**
   * Moves every membership of {@code fromPersonId} to {@code toPersonId}, as a host merge does; an
   * active membership wins over an inactive one.
   */
  public synchronized void replaceMember(String fromPersonId, String toPersonId) {
    requireNonNull(fromPersonId, "fromPersonId == null");
    requireNonNull(toPersonId, "toPersonId == null");
    for (State s : groups.values()) {
      boolean wasActive = s.active.remove(fromPersonId);
      boolean wasInactive = s.inactive.remove(fromPersonId);
      if (wasActive) {
        s.inactive.remove(toPersonId);
        s.active.add(toPersonId);
      } else if (wasInactive && !s.active.contains(toPersonId)) {
        s.inactive.add(toPersonId);
      }
    }
  }

  /** Returns the ids of the groups a person is an active member of, in group order. */
  public synchronized List<String> groupsOf(String personId) {
    List<String> result = new ArrayList<>();
    groups.forEach((id, s) -> {
      if (s.active.contains(personId)) {
        result.add(id);
      }
    });
    return List.copyOf(result);
  }

  /** Returns every group, whatever account it syncs with, in insertion order. */
  public synchronized List<SyncGroup> groups() {
    return groups.values().stream().map(s -> s.group).toList();
  }

  private State existing(String groupId) {
    requireNonNull(groupId, "groupId == null");
    State s = groups.get(groupId);
    if (s == null) {
      throw new NoSuchElementException("no group with id " + groupId);
    }
    return s;
  }

  @Override
  public synchronized String toString() {
    return "InMemoryGroupRepository[" + groups.size() + " groups]";
  }
}
