package org.pcosync.core.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.pcosync.api.PostalAddress;

/**
 * A postal address of a PCO person. Immutable and thread-safe.
 *
 * @param id PCO's address id
 * @param address the address
 * @param location "Home", "Work", …; nullable
 * @param primary whether it is the person's primary address
 * @param createdAt when PCO created it; nullable when unknown
 */
public record PortAddress(String id, PostalAddress address, String location, boolean primary, Instant createdAt) {
  public PortAddress {
    requireNonNull(id, "id == null");
    requireNonNull(address, "address == null");
  }
}
