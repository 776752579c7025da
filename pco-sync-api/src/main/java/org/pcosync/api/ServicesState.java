package org.pcosync.api;

import static java.util.Objects.requireNonNull;

/**
 * A person's state in PCO Services: absent (never added), active at a {@link PermissionLevel}, or
 * archived.
 */
public sealed interface ServicesState {

  /** Not a Services person (People only). */
  ServicesState ABSENT = new Absent();

  /** Archived in Services. */
  ServicesState ARCHIVED = new Archived();

  /** Returns an active state at {@code level}. */
  static ServicesState active(PermissionLevel level) {
    return new Active(level);
  }

  /**
   * Returns whether moving from this state to {@code target} raises the person: any level is a
   * raise from absent or archived; otherwise only a strictly higher level is.
   */
  default boolean isRaisedBy(PermissionLevel target) {
    requireNonNull(target, "target == null");
    return !(this instanceof Active a) || target.isHigherThan(a.level());
  }

  /** Returns the level when active, else {@code null}. */
  default PermissionLevel levelOrNull() {
    return this instanceof Active a ? a.level() : null;
  }

  /**
   * Active at a level.
   *
   * @param level the Services permission level
   */
  record Active(PermissionLevel level) implements ServicesState {
    /** Validates the components. */
    public Active {
      requireNonNull(level, "level == null");
    }

    @Override
    public String toString() {
      return level.pcoValue();
    }
  }

  /** Archived in Services. Use {@link ServicesState#ARCHIVED}. */
  record Archived() implements ServicesState {
    @Override
    public String toString() {
      return "Archived";
    }
  }

  /** Not in Services. Use {@link ServicesState#ABSENT}. */
  record Absent() implements ServicesState {
    @Override
    public String toString() {
      return "Absent";
    }
  }
}
