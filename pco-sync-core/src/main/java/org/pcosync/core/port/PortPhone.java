package org.pcosync.core.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A phone number of a PCO person. Immutable and thread-safe.
 *
 * @param id PCO's phone number id
 * @param number the number as PCO holds it (PCO may reformat what was written)
 * @param location "Home", "Work", "Mobile", "Other", …; nullable
 * @param primary whether it is the person's primary number
 * @param createdAt when PCO created it; nullable when unknown
 */
public record PortPhone(String id, String number, String location, boolean primary, Instant createdAt) {
  public PortPhone {
    requireNonNull(id, "id == null");
    requireNonNull(number, "number == null");
  }
}
