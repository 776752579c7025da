package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

/**
 * A postal address to seed (People ≥ 2023-03-21 shape; older versions render {@code street}).
 *
 * @param streetLine1 first street line
 * @param streetLine2 second street line, or null
 * @param city city
 * @param state state or region
 * @param zip postal code
 * @param countryCode ISO 3166 alpha-2 code, or null
 * @param location e.g. {@code "Home"}
 * @param primary whether it is the person's primary address
 *
 * <p>Immutable and thread-safe.
 */
public record AddressSeed(String streetLine1, String streetLine2, String city, String state, String zip,
    String countryCode, String location, boolean primary) {
  /** Checks the required parts for nulls. */
  public AddressSeed {
    requireNonNull(streetLine1, "streetLine1 == null");
    requireNonNull(city, "city == null");
    requireNonNull(location, "location == null");
  }

  /** A primary US Home address with one street line. */
  public static AddressSeed home(String street, String city, String state, String zip) {
    return new AddressSeed(street, null, city, state, zip, "US", "Home", true);
  }
}
