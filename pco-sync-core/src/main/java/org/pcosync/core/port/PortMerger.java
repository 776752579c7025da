package org.pcosync.core.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A PCO person merge: {@code removedId} was merged into {@code keptId}. Immutable and thread-safe.
 *
 * @param keptId the surviving person
 * @param removedId the person that no longer exists
 * @param createdAt when the merge happened
 */
public record PortMerger(String keptId, String removedId, Instant createdAt) {
  public PortMerger {
    requireNonNull(keptId, "keptId == null");
    requireNonNull(removedId, "removedId == null");
    requireNonNull(createdAt, "createdAt == null");
  }
}
