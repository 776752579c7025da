package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

/**
 * A phone number to seed; the fake reformats it as PCO does ({@code (425) 555-1234}, {@code e164}...).
 *
 * @param number the number as typed
 * @param location one of {@code Mobile}, {@code Home}, {@code Work}, {@code Other}
 * @param primary whether it is the person's primary number
 *
 * <p>Immutable and thread-safe.
 */
public record PhoneSeed(String number, String location, boolean primary) {
  /** Checks for nulls. */
  public PhoneSeed {
    requireNonNull(number, "number == null");
    requireNonNull(location, "location == null");
  }

  /** A primary Mobile number. */
  public static PhoneSeed mobile(String number) {
    return new PhoneSeed(number, "Mobile", true);
  }
}
