/**
 * The sync engine's public face: {@link org.pcosync.core.PcoSync} (one per account), the plan it
 * computes ({@link org.pcosync.core.SyncPlan}, a value of typed {@link org.pcosync.core.SyncOperation}s),
 * the report of a run ({@link org.pcosync.core.SyncReport}) and the progress hook
 * ({@link org.pcosync.core.SyncListener}).
 *
 * <p>Every profile of DESIGN §1 (bidirectional, push, form push, lookup + register) is a
 * {@link org.pcosync.api.SyncProfile} of the one engine. Values here are immutable and thread-safe;
 * parameters and results are non-null unless documented as nullable.
 */
package org.pcosync.core;
