package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A host group that feeds an account's sync set. Its active members are synced at
 * {@code permissionLevel} (Scheduled Viewer when {@code null}) and carry every tag in
 * {@code linkedTagIds}. Immutable and thread-safe.
 *
 * @param id the host's group id
 * @param name for reports and status pages
 * @param permissionLevel the level its members get; nullable when the group only carries tags
 * @param linkedTagIds PCO Services tag ids the group controls; may be empty
 */
public record SyncGroup(String id, String name, PermissionLevel permissionLevel, Set<String> linkedTagIds) {

  /** Validates the components and normalises them. */
  public SyncGroup {
    HostPerson.requireNonBlank(id, "id");
    requireNonNull(name, "name == null");
    linkedTagIds = Set.copyOf(requireNonNull(linkedTagIds, "linkedTagIds == null"));
  }

  /** Returns a group that grants a permission level and links no tag. */
  public static SyncGroup permissionGroup(String id, String name, PermissionLevel level) {
    return new SyncGroup(id, name, requireNonNull(level, "level == null"), Set.of());
  }

  /** Returns a group that links tags and grants no explicit level. */
  public static SyncGroup tagGroup(String id, String name, Set<String> tagIds) {
    return new SyncGroup(id, name, null, tagIds);
  }

  /** Returns the level members get: the group's level, else Scheduled Viewer. */
  public PermissionLevel effectiveLevel() {
    return permissionLevel == null ? PermissionLevel.SCHEDULED_VIEWER : permissionLevel;
  }
}
