package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;

/**
 * A host person's photo: its content hash (what the sync compares) and a way to read the bytes
 * (only opened when the photo must be uploaded). Equality is by hash and content type.
 * Immutable; thread-safe when the content source is.
 *
 * @param contentHash a stable hash of the bytes, e.g. hex SHA-256; any scheme, used consistently
 * @param contentType MIME type, e.g. {@code image/jpeg}
 * @param content opens the bytes; the caller closes the stream
 */
public record PhotoRef(String contentHash, String contentType, Content content) {

  /** Opens a photo's bytes. */
  @FunctionalInterface
  public interface Content {
    /** Returns a new stream over the bytes; the caller closes it. */
    InputStream open() throws IOException;
  }

  /** Validates the components. */
  public PhotoRef {
    requireNonNull(contentHash, "contentHash == null");
    requireNonNull(contentType, "contentType == null");
    requireNonNull(content, "content == null");
    if (contentHash.isBlank()) {
      throw new IllegalArgumentException("contentHash is blank");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PhotoRef p && p.contentHash.equals(contentHash) && p.contentType.equals(contentType);
  }

  @Override
  public int hashCode() {
    return contentHash.hashCode() * 31 + contentType.hashCode();
  }

  @Override
  public String toString() {
    return "PhotoRef[" + contentType + ", " + contentHash + "]";
  }
}
