package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** A Services tag ({@code type "Tag"}) inside a {@link PcoTagGroup}. Immutable and thread-safe. */
public record PcoTag(String id, @Nullable String name, @Nullable String tagGroupId) {
  public PcoTag {
    requireNonNull(id, "id == null");
  }
}
