package org.pcosync.api;

import static java.util.Objects.requireNonNull;

/**
 * How one field is synchronised: direction, write mode and conflict policy. Immutable and
 * thread-safe.
 */
public record FieldRule(SyncField field, Direction direction, WriteMode writeMode, ConflictPolicy conflictPolicy) {

  /** Validates the components. */
  public FieldRule {
    requireNonNull(field, "field == null");
    requireNonNull(direction, "direction == null");
    requireNonNull(writeMode, "writeMode == null");
    requireNonNull(conflictPolicy, "conflictPolicy == null");
    if (field == SyncField.PHOTO || field == SyncField.PERMISSION) {
      if (direction.writesHost()) {
        throw new IllegalArgumentException(field + " can only flow host to PCO, not " + direction);
      }
    }
  }

  /** Returns a rule that does not synchronise the field. */
  public static FieldRule none(SyncField field) {
    return new FieldRule(field, Direction.NONE, WriteMode.OVERWRITE, ConflictPolicy.HOST_WINS);
  }

  /** Returns a copy with another direction. */
  public FieldRule withDirection(Direction d) {
    return new FieldRule(field, d, writeMode, conflictPolicy);
  }

  /** Returns a copy with another write mode. */
  public FieldRule withWriteMode(WriteMode m) {
    return new FieldRule(field, direction, m, conflictPolicy);
  }

  /** Returns a copy with another conflict policy. */
  public FieldRule withConflictPolicy(ConflictPolicy p) {
    return new FieldRule(field, direction, writeMode, p);
  }
}
