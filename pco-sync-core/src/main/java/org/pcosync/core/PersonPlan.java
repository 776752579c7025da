package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a plan does for one host person: its operations, in the order they run. Immutable and
 * thread-safe.
 *
 * @param hostPersonId the host person's current id
 * @param hostStableId the host person's stable id (the link key)
 * @param pcoPersonId the linked or matched PCO person; {@code null} when the plan creates one
 * @param label for reports: host id and name, never contact details
 * @param operations the operations, in order; may be empty only in no plan (empty plans are dropped)
 */
public record PersonPlan(
    String hostPersonId, String hostStableId, String pcoPersonId, String label, List<SyncOperation> operations) {

  public PersonPlan {
    requireNonNull(hostPersonId, "hostPersonId == null");
    requireNonNull(hostStableId, "hostStableId == null");
    requireNonNull(label, "label == null");
    operations = List.copyOf(requireNonNull(operations, "operations == null"));
  }

  /** Returns whether the plan creates the PCO person. */
  public boolean creates() {
    return !operations.isEmpty() && operations.get(0) instanceof SyncOperation.CreatePerson;
  }

  /** Returns whether any operation writes PCO or the host (base moves alone are not changes). */
  public boolean hasChanges() {
    return operations.stream().anyMatch(o -> o.writesPco() || o.writesHost() || o instanceof SyncOperation.LinkPerson);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(label).append(" -> PCO ").append(pcoPersonId == null ? "(new)" : pcoPersonId);
    for (SyncOperation o : operations) {
      b.append("\n    ").append(o);
    }
    return b.toString();
  }
}
