package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A People address ({@code type "Address"}).
 *
 * <p>API versions before 2023-03-21 send a single {@code street}; it is parsed into {@link
 * #streetLine1()} (with {@link #streetLine2()} null), so callers see one shape. Immutable and
 * thread-safe.
 *
 * @param id PCO id of the address
 * @param personId owning person's id when known, else null
 * @param location e.g. {@code "Home"}
 */
public record PcoAddress(
    String id,
    @Nullable String personId,
    @Nullable String streetLine1,
    @Nullable String streetLine2,
    @Nullable String city,
    @Nullable String state,
    @Nullable String zip,
    @Nullable String countryCode,
    @Nullable String location,
    boolean primary,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt) {

  public PcoAddress {
    requireNonNull(id, "id == null");
  }

  /** Street lines joined by a newline (legacy single-{@code street} shape), or null. */
  public @Nullable String street() {
    if (streetLine1 == null) {
      return streetLine2;
    }
    return streetLine2 == null || streetLine2.isBlank() ? streetLine1 : streetLine1 + "\n" + streetLine2;
  }
}
