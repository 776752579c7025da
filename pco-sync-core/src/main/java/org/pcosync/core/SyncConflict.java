package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import org.pcosync.api.ConflictPolicy;
import org.pcosync.api.SyncField;

/**
 * A field both sides changed to different values since the last sync, and how it was resolved.
 * Immutable and thread-safe.
 *
 * @param hostPersonId the host person
 * @param pcoPersonId the PCO person
 * @param field the field
 * @param base the last-synced value; nullable
 * @param hostValue the host's value; nullable
 * @param pcoValue PCO's value; nullable
 * @param policy the field's conflict policy
 * @param winner "host", "pco" or "held"
 */
public record SyncConflict(
    String hostPersonId, String pcoPersonId, SyncField field, String base, String hostValue, String pcoValue,
    ConflictPolicy policy, String winner) {
  public SyncConflict {
    requireNonNull(hostPersonId, "hostPersonId == null");
    requireNonNull(field, "field == null");
    requireNonNull(policy, "policy == null");
    requireNonNull(winner, "winner == null");
  }

  @Override
  public String toString() {
    return "host " + hostPersonId + " / PCO " + pcoPersonId + " " + field + ": host " + FieldChange.show(hostValue)
        + " vs PCO " + FieldChange.show(pcoValue) + " (base " + FieldChange.show(base) + ") -> " + winner
        + " (" + policy + ")";
  }
}
