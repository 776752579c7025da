package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;

/**
 * A copy of one Services person's Services-side state.
 *
 * @param id the person id (shared with People)
 * @param permissions the Services permission level, e.g. {@code "Scheduled Viewer"} ({@code "Archived"} when archived)
 * @param archived whether the person is archived in Services
 * @param archivedAt when archived, or null
 * @param updatedAt the Services person's {@code updated_at}
 * @param tagIds the assigned Services tag ids
 *
 * <p>Immutable and thread-safe.
 */
public record ServicesPersonSnapshot(String id, String permissions, boolean archived, Instant archivedAt,
    Instant updatedAt, Set<String> tagIds) {
  /** Checks for nulls and copies the tag ids. */
  public ServicesPersonSnapshot {
    requireNonNull(id, "id == null");
    requireNonNull(permissions, "permissions == null");
    requireNonNull(updatedAt, "updatedAt == null");
    tagIds = Set.copyOf(tagIds);
  }
}
