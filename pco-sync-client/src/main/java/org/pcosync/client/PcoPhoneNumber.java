package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A People phone number ({@code type "PhoneNumber"}).
 *
 * <p>{@code e164}, {@code carrier}, {@code countryCode}, {@code national} and {@code international}
 * are only sent by newer API versions and are null otherwise. Immutable and thread-safe.
 *
 * @param id PCO id of the phone number
 * @param personId owning person's id when known, else null
 * @param number the number as entered, e.g. {@code "(555) 555-1234"}
 * @param location {@code "Mobile"}, {@code "Home"}, {@code "Work"} or {@code "Other"}
 * @param primary whether this is the person's primary number
 */
public record PcoPhoneNumber(
    String id,
    @Nullable String personId,
    @Nullable String number,
    @Nullable String location,
    boolean primary,
    @Nullable String e164,
    @Nullable String carrier,
    @Nullable String countryCode,
    @Nullable String national,
    @Nullable String international,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt) {

  public PcoPhoneNumber {
    requireNonNull(id, "id == null");
  }
}
