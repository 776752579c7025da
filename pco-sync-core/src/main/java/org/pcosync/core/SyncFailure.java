package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import org.pcosync.api.ErrorCode;
import org.pcosync.api.SyncField;

/**
 * A person, or one field of a person, that could not be synced this run; the rest of the run went
 * on. Immutable and thread-safe.
 *
 * @param hostPersonId the host person; nullable when the failure is about a PCO-only record
 * @param pcoPersonId the PCO person; nullable when there is none yet
 * @param field the field; nullable when the whole person failed
 * @param code what went wrong
 * @param reason a sentence for an admin, never contact details of other people
 */
public record SyncFailure(String hostPersonId, String pcoPersonId, SyncField field, ErrorCode code, String reason) {
  public SyncFailure {
    requireNonNull(code, "code == null");
    requireNonNull(reason, "reason == null");
  }

  @Override
  public String toString() {
    return "host " + (hostPersonId == null ? "-" : hostPersonId) + " / PCO " + (pcoPersonId == null ? "-" : pcoPersonId)
        + (field == null ? "" : " " + field) + ": " + code + " " + reason;
  }
}
