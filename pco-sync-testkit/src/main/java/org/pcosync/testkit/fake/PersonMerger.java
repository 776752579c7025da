package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A merge recorded at {@code /people/v2/person_mergers}.
 *
 * @param id the merger id
 * @param personToKeepId the surviving person
 * @param personToRemoveId the merged-away person (now 404)
 * @param createdAt when the merge happened (fake clock)
 *
 * <p>Immutable and thread-safe.
 */
public record PersonMerger(String id, String personToKeepId, String personToRemoveId, Instant createdAt) {
  /** Checks for nulls. */
  public PersonMerger {
    requireNonNull(id, "id == null");
    requireNonNull(personToKeepId, "personToKeepId == null");
    requireNonNull(personToRemoveId, "personToRemoveId == null");
    requireNonNull(createdAt, "createdAt == null");
  }
}
