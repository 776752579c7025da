package org.pcosync.core.admin;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.pcosync.api.PermissionLevel;

/**
 * The sync set as the host's groups make it now, computed without calling PCO. Immutable and
 * thread-safe.
 *
 * @param in everyone in the set, by host id
 * @param leaving linked people no longer in the set (a run with downgrade on archives them)
 */
public record SyncSetPreview(List<Entry> in, List<Entry> leaving) {
  public SyncSetPreview {
    in = List.copyOf(requireNonNull(in, "in == null"));
    leaving = List.copyOf(requireNonNull(leaving, "leaving == null"));
  }

  /**
   * One person.
   *
   * @param hostPersonId the host person's current id; the stable id when the host no longer has them
   * @param label host id and name
   * @param level the level the set gives them; {@code null} for people leaving
   * @param pcoPersonId the linked PCO person; {@code null} when not linked yet (the run links or creates)
   */
  public record Entry(String hostPersonId, String label, PermissionLevel level, String pcoPersonId) {
    public Entry {
      requireNonNull(hostPersonId, "hostPersonId == null");
      requireNonNull(label, "label == null");
    }
  }
}
