/**
 * What a host (a church-management system) implements so pco-sync can read and write its people,
 * groups, tag attribute and sync state.
 *
 * <p><b>Threads.</b> The engine calls the host SPIs ({@link org.pcosync.api.spi.PersonRepository},
 * {@link org.pcosync.api.spi.GroupRepository}, {@link org.pcosync.api.spi.TagAttributeStore}) from
 * one thread at a time per sync run; calls never overlap within a run, so implementations need not
 * be thread-safe for a single run. Two runs of <em>different</em> accounts may call one instance
 * concurrently if the host shares it. {@link org.pcosync.api.spi.SyncStateStore} must be
 * thread-safe: it is shared by every account and its run lease is what keeps two runs of one
 * account apart.
 *
 * <p><b>Errors.</b> An implementation reports failure by throwing any unchecked exception; the engine
 * wraps it in a {@link org.pcosync.api.HostException} naming the person and change, records it
 * in the run's report, and goes on with the next person.
 */
package org.pcosync.api.spi;
