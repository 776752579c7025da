package org.pcosync.api;

import java.util.Locale;

/**
 * A postal address. Every component is nullable; text is trimmed and NFC-normalised, blank becomes
 * {@code null}. Immutable and thread-safe.
 *
 * @param streetLine1 first street line (PCO {@code street_line_1}, or the legacy {@code street})
 * @param streetLine2 second street line
 * @param city city
 * @param state state or region
 * @param zip postal code
 * @param countryCode ISO 3166 alpha-2 country code, upper case
 */
public record PostalAddress(
    String streetLine1, String streetLine2, String city, String state, String zip, String countryCode) {

  /** Validates the components and normalises them. */
  public PostalAddress {
    streetLine1 = Normalize.text(streetLine1);
    streetLine2 = Normalize.text(streetLine2);
    city = Normalize.text(city);
    state = Normalize.text(state);
    zip = Normalize.text(zip);
    countryCode = Normalize.text(countryCode);
    if (countryCode != null) {
      countryCode = countryCode.toUpperCase(Locale.ROOT);
    }
  }

  /** Returns an address without a country code. */
  public static PostalAddress of(String streetLine1, String streetLine2, String city, String state, String zip) {
    return new PostalAddress(streetLine1, streetLine2, city, state, zip, null);
  }

  /** Returns whether every component is absent. */
  public boolean isEmpty() {
    return streetLine1 == null && streetLine2 == null && city == null && state == null && zip == null
        && countryCode == null;
  }

  /**
   * Returns the comparison form: components lower-cased and joined with {@code "|"}, or
   * {@code null} when empty. Two addresses that differ only in case or spacing have the same key.
   */
  public String comparisonKey() {
    if (isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder(64);
    appendKey(b, streetLine1).append('|');
    appendKey(b, streetLine2).append('|');
    appendKey(b, city).append('|');
    appendKey(b, state).append('|');
    appendKey(b, zip).append('|');
    return appendKey(b, countryCode).toString();
  }

  private static StringBuilder appendKey(StringBuilder b, String s) {
    if (s == null) {
      return b;
    }
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        return b.append(s.toLowerCase(Locale.ROOT)); // beyond ASCII: the full rules
      }
    }
    for (int i = 0; i < n; i++) { // ASCII: what toLowerCase(ROOT) does, without a copy
      char c = s.charAt(i);
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return b;
  }
}
