package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import org.pcosync.api.SyncField;

/**
 * One field's change on the side an operation writes: the normalised value there before and the
 * normalised value written. When the write succeeds, both bases of the field move to {@code after}.
 * Immutable and thread-safe.
 *
 * @param field the field
 * @param before the target side's normalised value before; {@code null} when empty
 * @param after the normalised value written; {@code null} clears
 */
public record FieldChange(SyncField field, String before, String after) {

  public FieldChange {
    requireNonNull(field, "field == null");
  }

  @Override
  public String toString() {
    return field + ": " + show(before) + " -> " + show(after);
  }

  static String show(String v) {
    return v == null ? "(empty)" : "'" + v + "'";
  }
}
