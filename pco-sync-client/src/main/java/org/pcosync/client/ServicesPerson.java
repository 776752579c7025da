package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person added to Services ({@code /services/v2/people}); same id as the People person.
 *
 * <p>{@link #tagIds()} is only meaningful when {@link #tagsLoaded()} is true (the person was read
 * with tags). Immutable and thread-safe.
 *
 * @param permissions e.g. {@code "Scheduled Viewer"}, {@code "Viewer"}, {@code "Scheduler"},
 *     {@code "Editor"}, {@code "Administrator"}
 * @param archived whether the person is archived in Services (needs Scheduler or higher to see)
 */
public record ServicesPerson(
    String id,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String fullName,
    @Nullable String permissions,
    @Nullable String status,
    @Nullable Boolean archived,
    @Nullable Instant archivedAt,
    @Nullable Boolean siteAdministrator,
    @Nullable String photoUrl,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    List<String> tagIds,
    boolean tagsLoaded) {

  public ServicesPerson {
    requireNonNull(id, "id == null");
    tagIds = List.copyOf(tagIds);
  }

  /** A copy with the given tag ids, marked as loaded. */
  public ServicesPerson withTagIds(List<String> ids) {
    return new ServicesPerson(
        id, firstName, lastName, fullName, permissions, status, archived, archivedAt,
        siteAdministrator, photoUrl, createdAt, updatedAt, ids, true);
  }
}
