/**
 * Machinery of the engine: the field codec and snapshots ({@code Fields}), the sync set
 * ({@code SyncSet}), the pure planner ({@code Planner}), apply ({@code Applier}) and the run
 * ({@code Engine}). Not an API: types here may change in any release.
 */
package org.pcosync.core.internal;
