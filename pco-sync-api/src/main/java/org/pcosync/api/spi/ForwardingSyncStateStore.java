package org.pcosync.api.spi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pcosync.api.CreateIntent;
import org.pcosync.api.JournalEntry;
import org.pcosync.api.Link;
import org.pcosync.api.RunLease;

/**
 * A {@link SyncStateStore} that forwards every call to another one; override the methods to change
 * (in the manner of Guava's forwarding collections), e.g. to add metrics, keep some state aside,
 * or break one contract on purpose in a test.
 *
 * <pre>{@code
 * SyncStateStore timed = new ForwardingSyncStateStore(jdbcStore) {
 *   @Override public void saveLink(Link link) {
 *     long t = System.nanoTime();
 *     super.saveLink(link);
 *     metrics.record("saveLink", System.nanoTime() - t);
 *   }
 * };
 * }</pre>
 *
 * <p>As thread-safe as the delegate and the overrides.
 */
public abstract class ForwardingSyncStateStore implements SyncStateStore {
  private final SyncStateStore delegate;

  /** @param delegate where calls go unless overridden */
  protected ForwardingSyncStateStore(SyncStateStore delegate) {
    this.delegate = requireNonNull(delegate, "delegate == null");
  }

  /** Returns the store calls are forwarded to. */
  protected final SyncStateStore delegate() {
    return delegate;
  }

  @Override
  public Optional<Link> linkByHost(String accountId, String hostStableId) {
    return delegate.linkByHost(accountId, hostStableId);
  }

  @Override
  public Optional<Link> linkByPco(String accountId, String pcoPersonId) {
    return delegate.linkByPco(accountId, pcoPersonId);
  }

  @Override
  public List<Link> links(String accountId) {
    return delegate.links(accountId);
  }

  @Override
  public void saveLink(Link link) {
    delegate.saveLink(link);
  }

  @Override
  public boolean deleteLink(String accountId, String hostStableId) {
    return delegate.deleteLink(accountId, hostStableId);
  }

  @Override
  public Optional<Instant> cursor(String accountId, String name) {
    return delegate.cursor(accountId, name);
  }

  @Override
  public void saveCursor(String accountId, String name, Instant value) {
    delegate.saveCursor(accountId, name, value);
  }

  @Override
  public Optional<String> checkpoint(String accountId, String name) {
    return delegate.checkpoint(accountId, name);
  }

  @Override
  public void saveCheckpoint(String accountId, String name, String value) {
    delegate.saveCheckpoint(accountId, name, value);
  }

  @Override
  public void clearCheckpoint(String accountId, String name) {
    delegate.clearCheckpoint(accountId, name);
  }

  @Override
  public Optional<CreateIntent> createIntent(String accountId, String hostStableId) {
    return delegate.createIntent(accountId, hostStableId);
  }

  @Override
  public List<CreateIntent> createIntents(String accountId) {
    return delegate.createIntents(accountId);
  }

  @Override
  public void saveCreateIntent(CreateIntent intent) {
    delegate.saveCreateIntent(intent);
  }

  @Override
  public void deleteCreateIntent(String accountId, String hostStableId) {
    delegate.deleteCreateIntent(accountId, hostStableId);
  }

  @Override
  public void saveJournalEntry(JournalEntry entry) {
    delegate.saveJournalEntry(entry);
  }

  @Override
  public Optional<JournalEntry> journalEntry(String accountId, String id) {
    return delegate.journalEntry(accountId, id);
  }

  @Override
  public List<JournalEntry> journal(String accountId) {
    return delegate.journal(accountId);
  }

  @Override
  public Optional<RunLease> tryAcquireLease(String accountId, String owner, Instant now, Duration ttl) {
    return delegate.tryAcquireLease(accountId, owner, now, ttl);
  }

  @Override
  public Optional<RunLease> renewLease(RunLease lease, Instant now, Duration ttl) {
    return delegate.renewLease(lease, now, ttl);
  }

  @Override
  public Optional<RunLease> currentLease(String accountId) {
    return delegate.currentLease(accountId);
  }

  @Override
  public void releaseLease(RunLease lease) {
    delegate.releaseLease(lease);
  }
}
