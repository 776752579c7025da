package org.pcosync.api;

import java.util.Locale;

/**
 * A Services permission level, ordered from lowest to highest: compare with {@link #compareTo}
 * or {@link #isHigherThan}. "Archived" is deliberately not a level: it is a {@link ServicesState},
 * so the highest level over a person's groups can never be Archived.
 */
public enum PermissionLevel {
  /** Sees only their own schedule: the default for new Services people. */
  SCHEDULED_VIEWER("Scheduled Viewer"),
  /** Sees plans and people. */
  VIEWER("Viewer"),
  /** Schedules people. */
  SCHEDULER("Scheduler"),
  /** Edits plans and people. */
  EDITOR("Editor"),
  /** Administers Services. */
  ADMINISTRATOR("Administrator");

  private final String pcoValue;

  PermissionLevel(String pcoValue) {
    this.pcoValue = pcoValue;
  }

  /** Returns Services' {@code permissions} value, e.g. "Scheduled Viewer". */
  public String pcoValue() {
    return pcoValue;
  }

  /** Returns whether this level is strictly higher than {@code other}. */
  public boolean isHigherThan(PermissionLevel other) {
    return compareTo(other) > 0;
  }

  /** Returns the higher of two levels; either may be {@code null}, and null is lowest. */
  public static PermissionLevel max(PermissionLevel a, PermissionLevel b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Parses Services' value ("Scheduled Viewer", "scheduled_viewer", "Editor", …), case-insensitively.
   *
   * @throws InvalidValueException for an unknown value, naming it
   */
  public static PermissionLevel parse(String s) {
    if (s != null) {
      String k = s.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
      for (PermissionLevel l : values()) {
        if (l.pcoValue.toLowerCase(Locale.ROOT).equals(k)) {
          return l;
        }
      }
    }
    throw new InvalidValueException("permissions", s, "unknown Services permission level");
  }
}
