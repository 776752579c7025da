package org.pcosync.api.spi;

import java.util.List;
import java.util.Set;
import org.pcosync.api.SyncGroup;

/**
 * The host groups that decide who is synced and at which level.
 *
 * <p><b>Threads.</b> Called from one thread at a time per sync run.
 */
public interface GroupRepository {

  /** Returns the groups configured to sync with an account; empty when none. */
  List<SyncGroup> syncGroups(String accountId);

  /** Returns the current ids of the group's active members; empty for an unknown group. */
  Set<String> activeMemberIds(String groupId);

  /**
   * Adds a person to a group (used by import); adding an existing member does nothing.
   *
   * @throws java.util.NoSuchElementException for an unknown group
   */
  void addMember(String groupId, String personId);
}
