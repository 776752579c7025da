package org.pcosync.core.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An email address of a PCO person. Immutable and thread-safe.
 *
 * @param id PCO's email id
 * @param address the address as PCO holds it
 * @param location e.g. "Home"; nullable
 * @param primary whether it is the person's primary email
 * @param createdAt when PCO created it; nullable when unknown
 */
public record PortEmail(String id, String address, String location, boolean primary, Instant createdAt) {
  public PortEmail {
    requireNonNull(id, "id == null");
    requireNonNull(address, "address == null");
  }
}
