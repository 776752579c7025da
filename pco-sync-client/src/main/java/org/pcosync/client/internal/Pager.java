package org.pcosync.client.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.pcosync.client.PcoPage;

/** Lazy iteration over offset-paginated collections. */
public final class Pager {
  private Pager() {}

  /**
   * A lazy stream: page {@code n+1} is requested only when page {@code n} is consumed. Stops when a
   * page has no next offset, is empty, or the next offset does not advance.
   */
  public static <T> Stream<T> stream(IntFunction<PcoPage<T>> fetch) {
    Iterator<T> it =
        new Iterator<>() {
          private Iterator<T> current = List.<T>of().iterator();
          private Integer nextOffset = 0;

          @Override
          public boolean hasNext() {
            while (!current.hasNext()) {
              if (nextOffset == null) {
                return false;
              }
              int offset = nextOffset;
              PcoPage<T> page = fetch.apply(offset);
              current = page.items().iterator();
              Integer n = page.nextOffset();
              nextOffset = page.items().isEmpty() || n == null || n <= offset ? null : n;
            }
            return true;
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return current.next();
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** All items, de-duplicated by id: last copy wins, kept at the first copy's position. */
  public static <T> List<T> dedupeLastWins(Stream<T> items, Function<T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    try (items) {
      items.forEach(x -> byId.put(id.apply(x), x));
    }
    return new ArrayList<>(byId.values());
  }
}
