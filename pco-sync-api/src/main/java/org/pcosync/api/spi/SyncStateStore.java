package org.pcosync.api.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pcosync.api.CreateIntent;
import org.pcosync.api.JournalEntry;
import org.pcosync.api.Link;
import org.pcosync.api.LinkConflictException;
import org.pcosync.api.RunLease;

/**
 * Everything the sync remembers between runs, per account: links with their bases, cursors,
 * checkpoints, create intents, the run journal and the run lease. Everything must survive a
 * restart of the process (a new instance over the same data sees it). Instants are kept to at
 * least millisecond precision.
 *
 * <p><b>Threads.</b> Must be thread-safe: one instance is shared by every account, and the lease is
 * what keeps two runs of one account apart, also across processes sharing the data.
 */
public interface SyncStateStore {

  // ---- links -----------------------------------------------------------------------------------

  /** Returns the link of a host person (by stable id), or empty. */
  Optional<Link> linkByHost(String accountId, String hostStableId);

  /** Returns the link of a PCO person, or empty. */
  Optional<Link> linkByPco(String accountId, String pcoPersonId);

  /** Returns every link of the account, in no particular order. */
  List<Link> links(String accountId);

  /**
   * Saves a link, replacing the one of the same host person.
   *
   * @throws LinkConflictException when the PCO person is already linked to another host person of
   *     the account; nothing is changed then
   */
  void saveLink(Link link);

  /** Deletes the link of a host person; returns whether there was one. */
  boolean deleteLink(String accountId, String hostStableId);

  // ---- cursors and checkpoints -------------------------------------------------------------------

  /** Returns a named cursor (e.g. "people.updated_at"), or empty. */
  Optional<Instant> cursor(String accountId, String name);

  /** Saves a named cursor. */
  void saveCursor(String accountId, String name, Instant value);

  /** Returns a named checkpoint (e.g. the import's last offset), or empty. */
  Optional<String> checkpoint(String accountId, String name);

  /** Saves a named checkpoint. */
  void saveCheckpoint(String accountId, String name, String value);

  /** Removes a named checkpoint; nothing happens when absent. */
  void clearCheckpoint(String accountId, String name);

  // ---- create intents ------------------------------------------------------------------------------

  /** Returns the open create intent of a host person, or empty. */
  Optional<CreateIntent> createIntent(String accountId, String hostStableId);

  /** Returns every open create intent of the account. */
  List<CreateIntent> createIntents(String accountId);

  /** Saves a create intent, replacing the one of the same host person. */
  void saveCreateIntent(CreateIntent intent);

  /** Removes a create intent; nothing happens when absent. */
  void deleteCreateIntent(String accountId, String hostStableId);

  // ---- journal ----------------------------------------------------------------------------------

  /** Saves a journal entry, replacing the one with the same id. */
  void saveJournalEntry(JournalEntry entry);

  /** Returns a journal entry, or empty. */
  Optional<JournalEntry> journalEntry(String accountId, String id);

  /** Returns the account's journal, newest {@code createdAt} first. */
  List<JournalEntry> journal(String accountId);

  // ---- run lease ---------------------------------------------------------------------------------

  /**
   * Takes the account's run lease when nobody holds it or the holder's lease expired at
   * {@code now}; atomic across every instance over the same data. A lease belongs to one run, not
   * to an owner: an owner that already holds an unexpired lease gets empty too.
   *
   * @param ttl how long the lease lasts unless renewed; positive
   * @return the lease, or empty when an unexpired one is held
   */
  Optional<RunLease> tryAcquireLease(String accountId, String owner, Instant now, Duration ttl);

  /**
   * Extends a lease to {@code now + ttl}, matched by its token. A lease that expired but was not
   * taken by anyone is renewed; a released lease, or one taken over since, is not.
   *
   * @return the renewed lease, or empty when it was lost (released, or expired and taken over)
   */
  Optional<RunLease> renewLease(RunLease lease, Instant now, Duration ttl);

  /** Returns the lease currently recorded for the account (expired or not), or empty. */
  Optional<RunLease> currentLease(String accountId);

  /** Releases a lease if still held with this token; otherwise does nothing. */
  void releaseLease(RunLease lease);
}
