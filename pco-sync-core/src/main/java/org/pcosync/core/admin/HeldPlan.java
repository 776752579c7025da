package org.pcosync.core.admin;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.pcosync.api.RunMode;

/**
 * A plan the mass-change guard held for an admin. Immutable and thread-safe.
 *
 * @param id the journal id, for {@link PcoSyncAdmin#applyHeldPlan} and {@link PcoSyncAdmin#discardHeldPlan}
 * @param heldAt when the run held it
 * @param mode the run's mode
 * @param reason why it was held, with the counts and thresholds
 * @param summary the plan's one-line summary
 * @param people how many people the plan would touch
 */
public record HeldPlan(String id, Instant heldAt, RunMode mode, String reason, String summary, int people) {
  public HeldPlan {
    requireNonNull(id, "id == null");
    requireNonNull(heldAt, "heldAt == null");
    requireNonNull(mode, "mode == null");
    requireNonNull(reason, "reason == null");
    requireNonNull(summary, "summary == null");
  }
}
