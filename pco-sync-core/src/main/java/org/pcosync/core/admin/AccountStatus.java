package org.pcosync.core.admin;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pcosync.api.FieldSnapshot;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.SyncGroup;

/**
 * An account's sync status as the host and the state store know it (no PCO call). Immutable and
 * thread-safe.
 *
 * @param accountId the account
 * @param groups the groups syncing to the account, each with its level and linked tags
 * @param people everyone in the sync set or linked, by host id
 */
public record AccountStatus(String accountId, List<SyncGroup> groups, List<PersonStatus> people) {
  public AccountStatus {
    requireNonNull(accountId, "accountId == null");
    groups = List.copyOf(requireNonNull(groups, "groups == null"));
    people = List.copyOf(requireNonNull(people, "people == null"));
  }

  /** Returns the status of a host person (by current id). */
  public Optional<PersonStatus> person(String hostPersonId) {
    return people.stream().filter(p -> p.hostPersonId().equals(hostPersonId)).findFirst();
  }

  /**
   * One person's status.
   *
   * @param hostPersonId the host person's current id; the stable id when the host no longer has them
   * @param hostStableId the link key
   * @param label host id and name
   * @param inSyncSet whether the groups put them in the sync set
   * @param hostLevel the level the sync set gives them; {@code null} when not in the set
   * @param pcoPersonId the linked PCO person; {@code null} when not linked
   * @param pcoLevel the Services state last synced ("Editor", "Archived"); {@code null} when none
   * @param lastSyncedHost the host values when both sides last agreed
   * @param lastSyncedPco PCO's values when both sides last agreed
   * @param syncedAt when a run last wrote or confirmed the link; nullable
   */
  public record PersonStatus(String hostPersonId, String hostStableId, String label, boolean inSyncSet,
      PermissionLevel hostLevel, String pcoPersonId, String pcoLevel, FieldSnapshot lastSyncedHost,
      FieldSnapshot lastSyncedPco, Instant syncedAt) {
    public PersonStatus {
      requireNonNull(hostPersonId, "hostPersonId == null");
      requireNonNull(hostStableId, "hostStableId == null");
      requireNonNull(label, "label == null");
      requireNonNull(lastSyncedHost, "lastSyncedHost == null");
      requireNonNull(lastSyncedPco, "lastSyncedPco == null");
    }
  }
}
