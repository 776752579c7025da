package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A People email address ({@code type "Email"}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id PCO id of the email (not of the person)
 * @param personId owning person's id when known (from {@code relationships.person}), else null
 * @param address the address as stored by PCO
 * @param location e.g. {@code "Home"}, {@code "Work"}
 * @param primary whether this is the person's primary email
 * @param blocked whether PCO blocked mail to this address (null when not reported)
 */
public record PcoEmail(
    String id,
    @Nullable String personId,
    @Nullable String address,
    @Nullable String location,
    boolean primary,
    @Nullable Boolean blocked,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt) {

  public PcoEmail {
    requireNonNull(id, "id == null");
  }
}
