package org.pcosync.api;

import java.util.Locale;

/** Where a phone number rings; maps to PCO's phone {@code location}. */
public enum PhoneType {
  /** A home phone. */
  HOME("Home"),
  /** A work phone. */
  WORK("Work"),
  /** A mobile (cell) phone. */
  MOBILE("Mobile");

  private final String pcoLocation;

  PhoneType(String pcoLocation) {
    this.pcoLocation = pcoLocation;
  }

  /** Returns PCO's {@code location} value: "Home", "Work" or "Mobile". */
  public String pcoLocation() {
    return pcoLocation;
  }

  /**
   * Parses a PCO location or a host label, case-insensitively ("Cell" means {@link #MOBILE}).
   *
   * @return the type, or {@code null} for a location this library does not map (e.g. "Other")
   */
  public static PhoneType fromLocation(String location) {
    if (location == null) {
      return null;
    }
    switch (location.strip().toLowerCase(Locale.ROOT)) {
      case "home":
        return HOME;
      case "work":
        return WORK;
      case "mobile":
      case "cell":
        return MOBILE;
      default:
        return null;
    }
  }
}
