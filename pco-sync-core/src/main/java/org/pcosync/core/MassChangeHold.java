package org.pcosync.core;

import static java.util.Objects.requireNonNull;

/**
 * Why the mass-change guard held a run's plan instead of applying it: how many already linked
 * people the plan would change (overwrites, clears, lowerings, archives; not creates, links or
 * fills) against the account's stoppage percentage, and how many it would archive or delete against
 * the account's cap. The plan waits in the journal for an admin
 * ({@code sync.admin().applyHeldPlan(heldPlanId)}). Immutable and thread-safe.
 *
 * @param heldPlanId the journal entry holding the plan
 * @param changedLinkedPeople linked people the plan would change
 * @param linkedPeople people linked before the plan
 * @param stoppagePercentage the account's threshold, in percent of {@code linkedPeople}
 * @param archivesAndDeletes people the plan would archive or delete
 * @param archiveDeleteCap the account's cap on those
 */
public record MassChangeHold(String heldPlanId, int changedLinkedPeople, int linkedPeople, int stoppagePercentage,
    int archivesAndDeletes, int archiveDeleteCap) {

  public MassChangeHold {
    requireNonNull(heldPlanId, "heldPlanId == null");
  }

  /** Returns whether the share of changed linked people is over the stoppage percentage. */
  public boolean overPercentage() {
    return linkedPeople > 0 && changedLinkedPeople * 100L > (long) stoppagePercentage * linkedPeople;
  }

  /** Returns whether the archives and deletes are over the cap. */
  public boolean overCap() {
    return archivesAndDeletes > archiveDeleteCap;
  }

  /** Returns a sentence for an admin, e.g. "would change 50 of 200 linked people (25%, limit 10%)". */
  public String reason() {
    StringBuilder b = new StringBuilder();
    if (overPercentage()) {
      b.append("would change ").append(changedLinkedPeople).append(" of ").append(linkedPeople)
          .append(" linked people (").append(changedLinkedPeople * 100L / linkedPeople).append("%, limit ")
          .append(stoppagePercentage).append("%)");
    }
    if (overCap()) {
      b.append(b.length() == 0 ? "" : "; ").append("would archive or delete ").append(archivesAndDeletes)
          .append(" people (cap ").append(archiveDeleteCap).append(")");
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "plan " + heldPlanId + " held: " + reason();
  }
}
