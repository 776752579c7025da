package org.pcosync.core.admin;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.pcosync.core.SyncConflict;

/**
 * A conflict held for review: one field of one person both sides changed differently. Immutable
 * and thread-safe.
 *
 * @param id the journal id, for {@link PcoSyncAdmin#resolveConflict}
 * @param heldAt when a run first held it
 * @param conflict the field, the base and both values
 */
public record HeldConflict(String id, Instant heldAt, SyncConflict conflict) {
  public HeldConflict {
    requireNonNull(id, "id == null");
    requireNonNull(heldAt, "heldAt == null");
    requireNonNull(conflict, "conflict == null");
  }
}
