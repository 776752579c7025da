package org.pcosync.api.spi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcosync.api.AvailableTag;

/**
 * The per-person "PCO Tags" attribute: which PCO Services tags (by PCO tag id) a person carries,
 * per account.
 *
 * <p><b>Threads.</b> Called from one thread at a time per sync run.
 */
public interface TagAttributeStore {

  /** Returns the tag ids selected for a person in an account; empty when none. */
  Set<String> selectedTags(String personId, String accountId);

  /** Replaces the tag ids selected for a person in an account; an empty set clears them. */
  void setSelectedTags(String personId, String accountId, Set<String> tagIds);

  /** Returns every person with at least one selected tag in the account: person id → tag ids. */
  Map<String, Set<String>> peopleWithTags(String accountId);

  /**
   * Offers PCO's person tags to the host, e.g. as choices "Group &gt; Tag" on the attribute,
   * marking the ones a host group controls. Replaces what was published before.
   */
  void publishAvailableTags(String accountId, List<AvailableTag> tags);
}
