package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import org.pcosync.api.ServicesState;

/**
 * A Services state a run changed: a raise, a lowering or an archive. Immutable and thread-safe.
 *
 * @param hostPersonId the host person
 * @param pcoPersonId the PCO person
 * @param before the state before
 * @param after the state after
 */
public record PermissionChange(String hostPersonId, String pcoPersonId, ServicesState before, ServicesState after) {
  public PermissionChange {
    requireNonNull(hostPersonId, "hostPersonId == null");
    requireNonNull(before, "before == null");
    requireNonNull(after, "after == null");
  }

  @Override
  public String toString() {
    return hostPersonId + "->" + pcoPersonId + " " + before + " -> " + after;
  }
}
