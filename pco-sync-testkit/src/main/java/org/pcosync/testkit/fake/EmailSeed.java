package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

/**
 * An email address to seed on a person of the {@link FakePco}.
 *
 * @param address the address, stored as given
 * @param location e.g. {@code "Home"}, {@code "Work"}
 * @param primary whether it is the person's primary email
 *
 * <p>Immutable and thread-safe.
 */
public record EmailSeed(String address, String location, boolean primary) {
  /** Checks for nulls. */
  public EmailSeed {
    requireNonNull(address, "address == null");
    requireNonNull(location, "location == null");
  }

  /** A primary Home email. */
  public static EmailSeed home(String address) {
    return new EmailSeed(address, "Home", true);
  }
}
