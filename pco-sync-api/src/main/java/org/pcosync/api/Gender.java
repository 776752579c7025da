package org.pcosync.api;

import java.util.Locale;

/** A person's gender as PCO records it. Parsing is lenient about PCO's version drift. */
public enum Gender {
  /** Male. */
  MALE("Male"),
  /** Female. */
  FEMALE("Female"),
  /** Not known or not recorded. */
  UNKNOWN(null);

  private final String pcoValue;

  Gender(String pcoValue) {
    this.pcoValue = pcoValue;
  }

  /** Returns PCO's value ("Male", "Female"), or {@code null} for {@link #UNKNOWN}. */
  public String pcoValue() {
    return pcoValue;
  }

  /**
   * Parses "M", "Male", "F", "Female" (any case, trimmed); {@code null}, blank, "U" and "Unknown"
   * give {@link #UNKNOWN}.
   *
   * @throws InvalidValueException for anything else, naming the value
   */
  public static Gender parse(String s) {
    if (s == null || s.isBlank()) {
      return UNKNOWN;
    }
    switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "m":
      case "male":
        return MALE;
      case "f":
      case "female":
        return FEMALE;
      case "u":
      case "unknown":
        return UNKNOWN;
      default:
        throw new InvalidValueException("gender", s, "expected M, Male, F or Female");
    }
  }
}
