package org.pcosync.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcosync.api.CreateIntent;
import org.pcosync.api.JournalEntry;
import org.pcosync.api.Link;
import org.pcosync.api.RunLease;
import org.pcosync.api.spi.SyncStateStore;

/**
 * A state store for applying the plan of someone who is not a host person (a form submission, a
 * registration): links and checkpoints the {@link Applier} writes stay in this object and are
 * forgotten, everything else — create intents above all, so a crashed create is recovered on a
 * retry — goes to the real store. Thread-safe (synchronized); one instance per push.
 */
final class ScratchLinks implements SyncStateStore {
  private final SyncStateStore real;
  private final Map<String, Link> links = new HashMap<>();
  private final Map<String, String> checkpoints = new HashMap<>();

  ScratchLinks(SyncStateStore real) {
    this.real = requireNonNull(real, "real == null");
  }

  @Override
  public synchronized Optional<Link> linkByHost(String accountId, String hostStableId) {
    return Optional.ofNullable(links.get(hostStableId));
  }

  @Override
  public synchronized Optional<Link> linkByPco(String accountId, String pcoPersonId) {
    return links.values().stream().filter(l -> l.pcoPersonId().equals(pcoPersonId)).findFirst();
  }

  @Override
  public synchronized List<Link> links(String accountId) {
    return List.copyOf(links.values());
  }

  @Override
  public synchronized void saveLink(Link link) {
    links.put(link.hostStableId(), link);
  }

  @Override
  public synchronized boolean deleteLink(String accountId, String hostStableId) {
    return links.remove(hostStableId) != null;
  }

  @Override
  public Optional<Instant> cursor(String accountId, String name) {
    return real.cursor(accountId, name);
  }

  @Override
  public void saveCursor(String accountId, String name, Instant value) {
    real.saveCursor(accountId, name, value);
  }

  @Override
  public synchronized Optional<String> checkpoint(String accountId, String name) {
    return Optional.ofNullable(checkpoints.get(name));
  }

  @Override
  public synchronized void saveCheckpoint(String accountId, String name, String value) {
    checkpoints.put(name, value);
  }

  @Override
  public synchronized void clearCheckpoint(String accountId, String name) {
    checkpoints.remove(name);
  }

  @Override
  public Optional<CreateIntent> createIntent(String accountId, String hostStableId) {
    return real.createIntent(accountId, hostStableId);
  }

  @Override
  public List<CreateIntent> createIntents(String accountId) {
    return real.createIntents(accountId);
  }

  @Override
  public void saveCreateIntent(CreateIntent intent) {
    real.saveCreateIntent(intent);
  }

  @Override
  public void deleteCreateIntent(String accountId, String hostStableId) {
    real.deleteCreateIntent(accountId, hostStableId);
  }

  @Override
  public void saveJournalEntry(JournalEntry entry) {
    real.saveJournalEntry(entry);
  }

  @Override
  public Optional<JournalEntry> journalEntry(String accountId, String id) {
    return real.journalEntry(accountId, id);
  }

  @Override
  public List<JournalEntry> journal(String accountId) {
    return real.journal(accountId);
  }

  @Override
  public Optional<RunLease> tryAcquireLease(String accountId, String owner, Instant now, Duration ttl) {
    return real.tryAcquireLease(accountId, owner, now, ttl);
  }

  @Override
  public Optional<RunLease> renewLease(RunLease lease, Instant now, Duration ttl) {
    return real.renewLease(lease, now, ttl);
  }

  @Override
  public Optional<RunLease> currentLease(String accountId) {
    return real.currentLease(accountId);
  }

  @Override
  public void releaseLease(RunLease lease) {
    real.releaseLease(lease);
  }
}
