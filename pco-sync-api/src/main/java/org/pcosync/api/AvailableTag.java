package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A PCO Services person tag, published to the host so it can offer it on the "PCO Tags" attribute.
 * Immutable and thread-safe.
 *
 * @param tagId PCO's tag id: the key the host stores
 * @param name the tag's name
 * @param groupName the PCO tag group's name
 * @param controllingGroupIds host groups that link this tag; when not empty, selecting the tag by
 *     hand has no effect (the sync rewrites it from group membership)
 */
public record AvailableTag(String tagId, String name, String groupName, Set<String> controllingGroupIds) {

  /** Validates the components and normalises them. */
  public AvailableTag {
    HostPerson.requireNonBlank(tagId, "tagId");
    requireNonNull(name, "name == null");
    requireNonNull(groupName, "groupName == null");
    controllingGroupIds = Set.copyOf(requireNonNull(controllingGroupIds, "controllingGroupIds == null"));
  }

  /** Returns "Group &gt; Tag", the way hosts show it. */
  public String displayName() {
    return groupName + " > " + name;
  }

  /** Returns whether a host group controls this tag. */
  public boolean isGroupControlled() {
    return !controllingGroupIds.isEmpty();
  }
}
