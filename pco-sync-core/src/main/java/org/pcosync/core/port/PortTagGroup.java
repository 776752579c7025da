package org.pcosync.core.port;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A Services person tag group and its tags. Immutable and thread-safe.
 *
 * @param id tag group id
 * @param name tag group name
 * @param tags the group's tags
 */
public record PortTagGroup(String id, String name, List<Tag> tags) {
  public PortTagGroup {
    requireNonNull(id, "id == null");
    requireNonNull(name, "name == null");
    tags = List.copyOf(requireNonNull(tags, "tags == null"));
  }

  /**
   * A tag.
   *
   * @param id tag id
   * @param name tag name
   */
  public record Tag(String id, String name) {
    public Tag {
      requireNonNull(id, "id == null");
      requireNonNull(name, "name == null");
    }
  }
}
