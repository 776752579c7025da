package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A Services tag group ({@code /services/v2/tag_groups}); read-only taxonomy via the API.
 * Immutable and thread-safe.
 *
 * @param tagsFor {@code "person"}, {@code "song"}, {@code "arrangement"} or {@code "media"}
 */
public record PcoTagGroup(
    String id,
    @Nullable String name,
    @Nullable Boolean required,
    @Nullable Boolean allowMultipleSelections,
    @Nullable String tagsFor) {
  public PcoTagGroup {
    requireNonNull(id, "id == null");
  }
}
