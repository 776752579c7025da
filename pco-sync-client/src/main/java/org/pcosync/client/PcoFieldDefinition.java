package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A People custom field ({@code /people/v2/field_definitions}, {@code type "FieldDefinition"}).
 * Immutable and thread-safe.
 *
 * @param dataType e.g. {@code "string"}, {@code "text"}, {@code "date"}, {@code "boolean"},
 *     {@code "select"}, {@code "checkboxes"}, {@code "number"}, {@code "file"}
 * @param deletedAt non-null when the definition was deleted in PCO
 */
public record PcoFieldDefinition(
    String id,
    @Nullable String name,
    @Nullable String slug,
    @Nullable String dataType,
    @Nullable Integer sequence,
    @Nullable String tabId,
    @Nullable Instant deletedAt) {

  public PcoFieldDefinition {
    requireNonNull(id, "id == null");
  }
}
