/**
 * What an admin does with a running sync: inspect each person's state ({@link
 * org.pcosync.core.admin.PcoSyncAdmin#status()}), fix links by hand, delete a PCO record, preview the
 * sync set, apply or discard plans the mass-change guard held, resolve conflicts held for review,
 * and revert a run. Obtained from {@link org.pcosync.core.PcoSync#admin()}.
 */
package org.pcosync.core.admin;
