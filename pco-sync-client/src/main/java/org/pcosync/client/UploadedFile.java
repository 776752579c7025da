package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A file stored on PCO's upload host ({@code POST /v2/files}); its {@link #id()} can be assigned to
 * a person's {@code avatar} until {@link #expiresAt()} (about one hour). Immutable and thread-safe.
 */
public record UploadedFile(
    String id,
    @Nullable String name,
    @Nullable String contentType,
    @Nullable Long fileSize,
    @Nullable String md5,
    @Nullable Instant expiresAt) {
  public UploadedFile {
    requireNonNull(id, "id == null");
  }
}
