package org.pcosync.core.port;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One page of a paged PCO read, and the token of the next page. Immutable and thread-safe.
 *
 * @param items the records of this page, in PCO's order
 * @param nextPageToken opaque token for {@code nextPageToken}-taking reads; {@code null} on the last
 *     page
 * @param <T> the record type
 */
public record Page<T>(List<T> items, String nextPageToken) {

  public Page {
    items = List.copyOf(requireNonNull(items, "items == null"));
  }

  /** Returns a last page. */
  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, null);
  }

  /** Returns whether another page follows. */
  public boolean hasNext() {
    return nextPageToken != null;
  }
}
