package org.pcosync.core.admin;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.pcosync.api.SyncField;
import org.pcosync.core.SyncReport;

/**
 * What a revert did: the report of the inverse plan it applied, and what it left alone. Immutable
 * and thread-safe.
 *
 * @param runId the reverted run
 * @param applied the inverse plan's report (its {@link SyncReport#journalId()} reverts the revert)
 * @param notReverted changes left as they are, each with the reason
 */
public record RevertReport(String runId, SyncReport applied, List<NotReverted> notReverted) {
  public RevertReport {
    requireNonNull(runId, "runId == null");
    requireNonNull(applied, "applied == null");
    notReverted = List.copyOf(requireNonNull(notReverted, "notReverted == null"));
  }

  /**
   * A change of the run that was not reverted.
   *
   * @param hostPersonId the host person
   * @param pcoPersonId the PCO person
   * @param field the field; {@code null} for the whole person (e.g. created by the run)
   * @param runWrote what the run wrote; nullable
   * @param nowHolds what the written side holds now; nullable
   * @param reason why it was left, for an admin
   */
  public record NotReverted(String hostPersonId, String pcoPersonId, SyncField field, String runWrote,
      String nowHolds, String reason) {
    public NotReverted {
      requireNonNull(hostPersonId, "hostPersonId == null");
      requireNonNull(reason, "reason == null");
    }

    @Override
    public String toString() {
      return "host " + hostPersonId + " / PCO " + pcoPersonId + (field == null ? "" : " " + field) + ": " + reason;
    }
  }
}
