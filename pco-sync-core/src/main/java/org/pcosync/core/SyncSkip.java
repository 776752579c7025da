package org.pcosync.core;

import static java.util.Objects.requireNonNull;

/**
 * A person the run deliberately left alone, and why (no email where the profile requires one, a
 * protected admin not lowered, an ambiguous match, …). Immutable and thread-safe.
 *
 * @param hostPersonId the host person; nullable for a PCO-only record
 * @param pcoPersonId the PCO person; nullable
 * @param reason a sentence for an admin
 */
public record SyncSkip(String hostPersonId, String pcoPersonId, String reason) {
  public SyncSkip {
    requireNonNull(reason, "reason == null");
  }

  @Override
  public String toString() {
    return "host " + (hostPersonId == null ? "-" : hostPersonId) + " / PCO " + (pcoPersonId == null ? "-" : pcoPersonId)
        + ": " + reason;
  }
}
