package org.pcosync.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a PCO collection.
 *
 * <p>Immutable and thread-safe.
 *
 * @param items the records of this page, in PCO's order
 * @param offset the offset this page was requested with
 * @param nextOffset offset of the next page, null on the last page
 * @param totalCount {@code meta.total_count} when PCO sent it
 * @param canInclude {@code meta.can_include}: the relationships this endpoint can include
 */
public record PcoPage<T>(
    List<T> items,
    int offset,
    @Nullable Integer nextOffset,
    @Nullable Integer totalCount,
    List<String> canInclude) {

  public PcoPage {
    items = List.copyOf(items);
    canInclude = List.copyOf(canInclude);
  }

  /** True when there is no next page. */
  public boolean isLast() {
    return nextOffset == null;
  }
}
