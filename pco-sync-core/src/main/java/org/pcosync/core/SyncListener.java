package org.pcosync.core;

import org.pcosync.api.RunMode;

/**
 * Observes a run's progress, e.g. for a progress bar or metrics. Every method has a no-op default.
 *
 * <pre>{@code
 * SyncListener progress = new SyncListener() {
 *   @Override public void personApplied(PersonPlan plan, int done, int total) {
 *     bar.update(done, total);
 *   }
 * };
 * }</pre>
 *
 * <p><b>Contract.</b> Methods must be fast, must not throw (an exception is logged and ignored) and
 * must not call back into {@link PcoSync}. They are called from the thread that runs the sync, one at
 * a time. Implementations used by several accounts at once must be thread-safe.
 */
public interface SyncListener {

  /** A listener that does nothing. */
  SyncListener NONE = new SyncListener() {};

  /** A run (or an apply) of {@code accountId} started. */
  default void runStarted(String accountId, RunMode mode) {}

  /**
   * A page was read from PCO.
   *
   * @param what "people" or "services"
   * @param count records on the page
   */
  default void pageRead(String what, int count) {}

  /** The plan is ready; applying starts next unless it is a dry run. */
  default void planned(SyncPlan plan) {}

  /**
   * One person's plan was applied.
   *
   * @param plan the person's plan
   * @param done people applied so far
   * @param total people in the plan
   */
  default void personApplied(PersonPlan plan, int done, int total) {}

  /** Something failed; the run goes on. */
  default void failed(SyncFailure failure) {}

  /** The run finished. */
  default void runFinished(SyncReport report) {}
}
