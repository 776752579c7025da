package org.pcosync.core;

import static java.util.Objects.requireNonNull;

/**
 * A host person and the PCO person they are linked to. Immutable and thread-safe.
 *
 * @param hostPersonId the host person's id
 * @param pcoPersonId the PCO person's id
 */
public record PersonRef(String hostPersonId, String pcoPersonId) {
  public PersonRef {
    requireNonNull(hostPersonId, "hostPersonId == null");
    requireNonNull(pcoPersonId, "pcoPersonId == null");
  }

  @Override
  public String toString() {
    return hostPersonId + "->" + pcoPersonId;
  }
}
