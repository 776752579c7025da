package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A merge that happened in People ({@code /people/v2/person_mergers}, read-only history): {@code
 * personToRemoveId} no longer exists, its data lives on in {@code personToKeepId}. Immutable and
 * thread-safe.
 */
public record PcoPersonMerger(
    String id, String personToKeepId, String personToRemoveId, @Nullable Instant createdAt) {

  public PcoPersonMerger {
    requireNonNull(id, "id == null");
    requireNonNull(personToKeepId, "personToKeepId == null");
    requireNonNull(personToRemoveId, "personToRemoveId == null");
  }
}
