package org.pcosync.core.internal;

import java.util.List;
import java.util.Set;
import org.pcosync.api.PcoAccount;
import org.pcosync.core.FieldChange;
import org.pcosync.core.MassChangeHold;
import org.pcosync.core.PersonPlan;
import org.pcosync.core.SyncOperation;
import org.pcosync.core.SyncPlan;

/**
 * The mass-change guard's arithmetic (DESIGN §8): a plan is held when the already linked people it
 * would change — overwrite or clear a value, lower a level, archive — are more than the account's
 * stoppage percentage of the linked people (and more than its minimum number of people, so one edit
 * in a small account is not held), or when it would archive or delete more people than the
 * account's cap. Creates, links and fills of empty values never count, so a first sync is not held.
 * Pure; thread-safe.
 */
public final class MassChangeGuard {
  private MassChangeGuard() {}

  /** Returns why {@code plan} must be held (naming {@code heldPlanId}), or {@code null} when it may run. */
  public static MassChangeHold check(SyncPlan plan, PcoAccount account, String heldPlanId) {
    int changed = 0;
    int archives = 0;
    for (PersonPlan p : plan.people()) {
      if (!isLinked(p)) {
        continue;
      }
      boolean counts = false;
      for (SyncOperation op : p.operations()) {
        if (op instanceof SyncOperation.Archive) {
          archives++;
          counts = true;
        } else if (isMassChange(op)) {
          counts = true;
        }
      }
      if (counts) {
        changed++;
      }
    }
    MassChangeHold hold = new MassChangeHold(heldPlanId, changed, plan.linkedCount(), account.stoppagePercentage(),
        archives, account.archiveDeleteCap());
    boolean overShare = hold.overPercentage() && changed > account.stoppageMinimumPeople();
    return overShare || hold.overCap() ? hold : null;
  }

  /** Returns whether a person plan is about someone linked before the plan (not a create or a new link). */
  static boolean isLinked(PersonPlan p) {
    return p.pcoPersonId() != null && !p.operations().isEmpty() && !p.creates()
        && !(p.operations().get(0) instanceof SyncOperation.LinkPerson);
  }

  /** Returns whether an operation overwrites, clears, lowers or archives (fills and raises do not count). */
  static boolean isMassChange(SyncOperation op) {
    if (op instanceof SyncOperation.Archive) {
      return true;
    }
    if (op instanceof SyncOperation.SetPermission s) {
      return !s.isRaise();
    }
    if (op instanceof SyncOperation.AssignTags t) {
      return removes(t.before(), t.after());
    }
    if (op instanceof SyncOperation.SetHostTags t) {
      return removes(t.before(), t.after());
    }
    return changes(op).stream().anyMatch(c -> c.before() != null);
  }

  private static boolean removes(Set<String> before, Set<String> after) {
    return !after.containsAll(before);
  }

  /** Returns the field changes an operation writes; empty for permissions, tags, links and base moves. */
  static List<FieldChange> changes(SyncOperation op) {
    if (op instanceof SyncOperation.UpdatePcoPerson u) {
      return u.changes();
    }
    if (op instanceof SyncOperation.UpdateHostPerson u) {
      return u.changes();
    }
    if (op instanceof SyncOperation.WritePcoContact w) {
      return List.of(w.change());
    }
    if (op instanceof SyncOperation.UploadPhoto u) {
      return List.of(u.change());
    }
    return List.of();
  }
}
