package org.pcosync.core.admin;

import java.util.List;
import org.pcosync.core.SyncAlreadyRunningException;
import org.pcosync.core.SyncReport;

/**
 * The admin operations of one account (DESIGN §6–§8): status, links by hand, deletes, the sync set
 * preview, held plans, conflicts held for review, and revert.
 *
 * <pre>{@code
 * PcoSyncAdmin admin = sync.admin();
 * SyncReport report = sync.run();
 * if (report.isHeld()) {                               // the mass-change guard stopped it
 *   HeldPlan held = admin.heldPlans().get(0);
 *   System.out.println(held.reason());                 // "would change 50 of 200 linked people ..."
 *   SyncReport applied = admin.applyHeldPlan(held.id()); // after review
 *   RevertReport undo = admin.revert(applied.journalId()); // changed our mind
 * }
 * }</pre>
 *
 * <p>Operations that write take the account's run lease (and fail fast with {@link
 * SyncAlreadyRunningException} while a run holds it); reads take none. Thread-safe; share one
 * instance (the one {@link org.pcosync.core.PcoSync#admin()} returns).
 */
public interface PcoSyncAdmin {

  /**
   * Returns the account's status from the host and the state store, without calling PCO: the sync
   * groups with their levels, and everyone in the sync set or linked, with their PCO id, host level,
   * last-synced PCO level and last-synced values of both sides.
   */
  AccountStatus status();

  /**
   * Computes the sync set from the host's groups and tag attribute, without calling PCO: who would
   * be synced and at which level, and which linked people would leave it.
   */
  SyncSetPreview previewSyncSet();

  /**
   * Links a host person to a PCO person by hand; the next run syncs to it as to a new link (no
   * base: an empty value never clears the other side). When the PCO person is linked through a
   * person the host merged into this one, that link moves here.
   *
   * @param hostPersonId the host person's current id
   * @param pcoPersonId an existing PCO person
   * @throws IllegalArgumentException when either person does not exist
   * @throws org.pcosync.api.LinkConflictException when the PCO person is linked to another host person
   */
  void setPcoPersonId(String hostPersonId, String pcoPersonId);

  /**
   * Removes a link without touching either side, by the host person's stable id (as {@link
   * AccountStatus.PersonStatus#hostStableId()} shows it), e.g. the link of a person the host merged
   * into another who has a link of their own. A person still in the sync set is matched again (or
   * created) on the next run.
   *
   * @return whether there was such a link
   */
  boolean unlink(String hostStableId);

  /**
   * Deletes the PCO record a host person is linked to (People and, with it, Services) and removes
   * the link. A person still in the sync set comes back, as a new PCO person, on the next run.
   *
   * @param hostPersonId the host person's current id
   * @return the deleted PCO person's id
   * @throws IllegalArgumentException when the person is not linked
   */
  String deletePcoPerson(String hostPersonId);

  /** Returns the plans the mass-change guard holds, newest first. */
  List<HeldPlan> heldPlans();

  /**
   * Applies a held plan: plans again from fresh reads, applies every person whose plan is exactly
   * the one held, and reports (skips) the people whose plan changed since, so nothing the admin did
   * not see is written. The entry becomes APPLIED.
   *
   * @throws IllegalArgumentException when there is no held plan with this id
   */
  SyncReport applyHeldPlan(String heldPlanId);

  /**
   * Discards a held plan; nothing is written. The next run plans again (and may be held again).
   *
   * @throws IllegalArgumentException when there is no held plan with this id
   */
  void discardHeldPlan(String heldPlanId);

  /** Returns the conflicts held for review (policy "hold for review"), oldest first. */
  List<HeldConflict> conflicts();

  /**
   * Resolves a held conflict with the admin's choice: the chosen side's value is written to the
   * other side and becomes the base of both. When either side changed since the conflict was held,
   * nothing is written and the report says so (the next run finds the conflict again if it stands).
   *
   * @throws IllegalArgumentException when there is no held conflict with this id
   */
  SyncReport resolveConflict(String conflictId, Resolution choice);

  /**
   * Reverts an applied run: writes back the values and levels it changed (and their bases), except
   * where a value changed since the run (reported, not overwritten). The revert is journaled as a
   * run of its own; the reverted entry becomes REVERTED.
   *
   * @param runId the run's journal id ({@link SyncReport#journalId()})
   * @throws IllegalArgumentException when there is no applied run with this id
   */
  RevertReport revert(String runId);
}
