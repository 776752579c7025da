package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A Planning Center product the organization uses ({@code /people/v2/apps}), e.g. "Services".
 * Immutable and thread-safe.
 */
public record PcoApp(String id, @Nullable String name, @Nullable String url) {
  public PcoApp {
    requireNonNull(id, "id == null");
  }
}
