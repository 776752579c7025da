package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A person's value for one custom field ({@code type "FieldDatum"}). Immutable and thread-safe.
 *
 * @param personId the person (PCO calls it {@code customizable}) when known
 * @param fieldDefinitionId the {@link PcoFieldDefinition} id when known
 * @param value the value as PCO's string form
 */
public record PcoFieldDatum(
    String id,
    @Nullable String personId,
    @Nullable String fieldDefinitionId,
    @Nullable String value) {

  public PcoFieldDatum {
    requireNonNull(id, "id == null");
  }
}
