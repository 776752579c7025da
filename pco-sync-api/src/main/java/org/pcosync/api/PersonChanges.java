package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;

/**
 * Changes the engine asks a host to make to one person: for each field in {@code fields}, set the
 * host's value to {@code values.get(field)} ({@code null} clears it). Fields not listed must be left
 * untouched. Immutable and thread-safe.
 *
 * @param fields the person-data fields to change, not empty
 * @param values the new values; only the listed fields are meaningful
 */
public record PersonChanges(Set<SyncField> fields, PersonData values) {

  /** Validates the components and normalises them. */
  public PersonChanges {
    requireNonNull(fields, "fields == null");
    requireNonNull(values, "values == null");
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("fields is empty");
    }
    for (SyncField f : fields) {
      if (!f.isPersonData()) {
        throw new IllegalArgumentException(f + " is not a person-data field");
      }
    }
    fields = Set.copyOf(EnumSet.copyOf(fields));
  }

  /** Returns the new value of a listed field (typed as {@link SyncField} documents), or {@code null}. */
  public Object get(SyncField field) {
    if (!fields.contains(field)) {
      throw new IllegalArgumentException(field + " is not part of these changes");
    }
    return values.get(field);
  }

  /** Returns {@code current} with these changes applied. */
  public PersonData applyTo(PersonData current) {
    PersonData result = current;
    for (SyncField f : fields) {
      result = result.with(f, values.get(f));
    }
    return result;
  }
}
