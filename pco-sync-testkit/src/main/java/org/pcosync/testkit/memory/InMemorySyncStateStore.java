package org.pcosync.testkit.memory;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcosync.api.CreateIntent;
import org.pcosync.api.JournalEntry;
import org.pcosync.api.Link;
import org.pcosync.api.LinkConflictException;
import org.pcosync.api.RunLease;
import org.pcosync.api.spi.SyncStateStore;

/**
 * A {@link SyncStateStore} in memory. Its data lives in a {@link Database}, so a test can "restart
 * the process": a new store over the same database sees every link, cursor, checkpoint, intent,
 * journal entry and lease, and the lease is exclusive across every store over one database.
 *
 * <pre>{@code
 * InMemorySyncStateStore.Database data = new InMemorySyncStateStore.Database();
 * SyncStateStore first = new InMemorySyncStateStore(data);
 * first.saveLink(Link.create("church-1", "alias-1", "pco-9", now));
 * SyncStateStore afterRestart = new InMemorySyncStateStore(data);   // sees the link
 * }</pre>
 *
 * <p>Thread-safe; share one instance. Every method is atomic across all stores over one database.
 */
public final class InMemorySyncStateStore implements SyncStateStore {

  /**
   * The data behind one or more {@link InMemorySyncStateStore}s: what a database is to a JDBC
   * store. Opaque; hand it to {@link InMemorySyncStateStore#InMemorySyncStateStore(Database)}.
   *
   * <p>Thread-safe; share one instance.
   */
  public static final class Database {
    private final Object lock = new Object();
    private final Map<String, Account> accounts = new HashMap<>();
    private long leaseSequence;

    /** Creates an empty database. */
    public Database() {}

    private Account account(String accountId) {
      requireNonNull(accountId, "accountId == null");
      return accounts.computeIfAbsent(accountId, a -> new Account());
    }

    private Account accountOrNull(String accountId) {
      requireNonNull(accountId, "accountId == null");
      return accounts.get(accountId);
    }

    @Override
    public String toString() {
      synchronized (lock) {
        return "InMemorySyncStateStore.Database" + accounts.keySet();
      }
    }
  }

  private static final class Account {
    final Map<String, Link> linksByHost = new LinkedHashMap<>();
    final Map<String, String> hostByPco = new HashMap<>();
    final Map<String, Instant> cursors = new HashMap<>();
    final Map<String, String> checkpoints = new HashMap<>();
    final Map<String, CreateIntent> intents = new LinkedHashMap<>();
    final Map<String, JournalEntry> journal = new LinkedHashMap<>();
    RunLease lease;
  }

  /** Newest {@code createdAt} first; ties in id order, so the order is deterministic. */
  private static final Comparator<JournalEntry> NEWEST_FIRST =
      Comparator.comparing(JournalEntry::createdAt).reversed().thenComparing(JournalEntry::id);

  private final Database db;

  /** Creates a store over a database of its own. */
  public InMemorySyncStateStore() {
    this(new Database());
  }

  /** Creates a store over {@code database}, which other stores may share. */
  public InMemorySyncStateStore(Database database) {
    this.db = requireNonNull(database, "database == null");
  }

  /** Returns the database this store reads and writes. */
  public Database database() {
    return db;
  }

  // ---- links -----------------------------------------------------------------------------------

  @Override
  public Optional<Link> linkByHost(String accountId, String hostStableId) {
    requireNonNull(hostStableId, "hostStableId == null");
    synchronized (db.lock) {
      Account a = db.accountOrNull(accountId);
      return a == null ? Optional.empty() : Optional.ofNullable(a.linksByHost.get(hostStableId));
    }
  }

  @Override
  public Optional<Link> linkByPco(String accountId, String pcoPersonId) {
    requireNonNull(pcoPersonId, "pcoPersonId == null");
    synchronized (db.lock) {
      Account a = db.accountOrNull(accountId);
      if (a == null) {
        return Optional.empty();
      }
      String host = a.hostByPco.get(pcoPersonId);
      return host == null ? Optional.empty() : Optional.ofNullable(a.linksByHost.get(host));
    }
  }

  @Override
  public List<Link> links(String accountId) {
    synchronized (db.lock) {
      Account a = db.accountOrNull(accountId);
      return a == null ? List.of() : List.copyOf(a.linksByHost.values());
    }
  }

  @Override
  public void saveLink(Link link) {
    requireNonNull(link, "link == null");
    synchronized (db.lock) {
      Account a = db.account(link.accountId());
      String holder = a.hostByPco.get(link.pcoPersonId());
      if (holder != null && !holder.equals(link.hostStableId())) {
        throw new LinkConflictException(
            "PCO person " + link.pcoPersonId() + " is already linked to host person " + holder
                + " in account " + link.accountId() + "; not linking it to " + link.hostStableId());
      }
      Link previous = a.linksByHost.put(link.hostStableId(), link);
      if (previous != null) {
        a.hostByPco.remove(previous.pcoPersonId());
      }
      a.hostByPco.put(link.pcoPersonId(), link.hostStableId());
    }
  }

  @Override
  public boolean deleteLink(String accountId, String hostStableId) {
    requireNonNull(hostStableId, "hostStableId == null");
    synchronized (db.lock) {
      Account a = db.accountOrNull(accountId);
      Link removed = a == null ? null : a.linksByHost.remove(hostStableId);
      if (removed == null) {
        return false;
      }
      a.hostByPco.remove(removed.pcoPersonId());
      return true;
    }
  }

  // ---- cursors and checkpoints -------------------------------------------------------------------

  @Override
  public Optional<Instant> cursor(String accountId, String name) {
    requireNonNull(name, "name == null");
    synchronized (db.lock) {
      Account a = db.accountOrNull(accountId);
      return a == null ? Optional.empty() : Optional.ofNullable(a.cursors.get(name));
    }
  }

  @Override
  public void saveCursor(String accountId, String name, Instant value) {
    requireNonNull(name, "name == null");
    requireNonNull(value, "value == null");
    synchronized (db.lock) {
      db.account(accountId).cursors.put(name, value);
    }
  }

  @Override
  public Optional<String> checkpoint(String accountId, String name) {
    requireNonNull(name, "name == null");
    synchronized (db.lock) {
      Account a = db.accountOrNull(accountId);
      return a == null ? Optional.empty() : Optional.ofNullable(a.checkpoints.get(name));
    }
  }

  @Override
  public void saveCheckpoint(String accountId, String name, String value) {
    requireNonNull(name, "name == null");
    requireNonNull(value, "value == null");
    synchronized (db.lock) {
      db.account(accountId).checkpoints.put(name, value);
    }
  }

  @Override
  public void clearCheckpoint(String accountId, String name) {
    requireNonNull(name, "name == null");
    synchronized (db.lock) {
      Account a = db.accountOrNull(accountId);
      if (a != null) {
        a.checkpoints.remove(name);
      }
    }
  }

  // ---- create intents ------------------------------------------------------------------------------

  @Override
  public Optional<CreateIntent> createIntent(String accountId, String hostStableId) {
    requireNonNull(hostStableId, "hostStableId == null");
    synchronized (db.lock) {
      Account a = db.accountOrNull(accountId);
      return a == null ? Optional.empty() : Optional.ofNullable(a.intents.get(hostStableId));
    }
  }

  @Override
  public List<CreateIntent> createIntents(String accountId) {
    synchronized (db.lock) {
      Account a = db.accountOrNull(accountId);
      return a == null ? List.of() : List.copyOf(a.intents.values());
    }
  }

  @Override
  public void saveCreateIntent(CreateIntent intent) {
    requireNonNull(intent, "intent == null");
    synchronized (db.lock) {
      db.account(intent.accountId()).intents.put(intent.hostStableId(), intent);
    }
  }

  @Override
  public void deleteCreateIntent(String accountId, String hostStableId) {
    requireNonNull(hostStableId, "hostStableId == null");
    synchronized (db.lock) {
      Account a = db.accountOrNull(accountId);
      if (a != null) {
        a.intents.remove(hostStableId);
      }
    }
  }

  // ---- journal ----------------------------------------------------------------------------------

  @Override
  public void saveJournalEntry(JournalEntry entry) {
    requireNonNull(entry, "entry == null");
    synchronized (db.lock) {
      db.account(entry.accountId()).journal.put(entry.id(), entry);
    }
  }

  @Override
  public Optional<JournalEntry> journalEntry(String accountId, String id) {
    requireNonNull(id, "id == null");
    synchronized (db.lock) {
      Account a = db.accountOrNull(accountId);
      return a == null ? Optional.empty() : Optional.ofNullable(a.journal.get(id));
    }
  }

  /** {@inheritDoc} Entries created at the same instant come in id order. */
  @Override
  public List<JournalEntry> journal(String accountId) {
    synchronized (db.lock) {
      Account a = db.accountOrNull(accountId);
      if (a == null) {
        return List.of();
      }
      List<JournalEntry> result = new ArrayList<>(a.journal.values());
      result.sort(NEWEST_FIRST);
      return List.copyOf(result);
    }
  }

  // ---- run lease ---------------------------------------------------------------------------------

  /**
   * {@inheritDoc} An owner that already holds an unexpired lease does not get a second one. Tokens
   * are unique within the database.
   *
   * @throws IllegalArgumentException when {@code ttl} is not positive
   */
  @Override
  public Optional<RunLease> tryAcquireLease(String accountId, String owner, Instant now, Duration ttl) {
    requireNonNull(owner, "owner == null");
    requireNonNull(now, "now == null");
    requirePositive(ttl);
    synchronized (db.lock) {
      Account a = db.account(accountId);
      if (a.lease != null && !a.lease.isExpiredAt(now)) {
        return Optional.empty();
      }
      db.leaseSequence++;
      a.lease = new RunLease(accountId, owner, "lease-" + db.leaseSequence, now, now.plus(ttl));
      return Optional.of(a.lease);
    }
  }

  /**
   * {@inheritDoc} A lease that expired but was not taken by anyone is renewed.
   *
   * @throws IllegalArgumentException when {@code ttl} is not positive
   */
  @Override
  public Optional<RunLease> renewLease(RunLease lease, Instant now, Duration ttl) {
    requireNonNull(lease, "lease == null");
    requireNonNull(now, "now == null");
    requirePositive(ttl);
    synchronized (db.lock) {
      Account a = db.accountOrNull(lease.accountId());
      if (a == null || a.lease == null || !a.lease.token().equals(lease.token())) {
        return Optional.empty();
      }
      a.lease = new RunLease(a.lease.accountId(), a.lease.owner(), a.lease.token(), a.lease.acquiredAt(), now.plus(ttl));
      return Optional.of(a.lease);
    }
  }

  @Override
  public Optional<RunLease> currentLease(String accountId) {
    synchronized (db.lock) {
      Account a = db.accountOrNull(accountId);
      return a == null ? Optional.empty() : Optional.ofNullable(a.lease);
    }
  }

  @Override
  public void releaseLease(RunLease lease) {
    requireNonNull(lease, "lease == null");
    synchronized (db.lock) {
      Account a = db.accountOrNull(lease.accountId());
      if (a != null && a.lease != null && a.lease.token().equals(lease.token())) {
        a.lease = null;
      }
    }
  }

  private static void requirePositive(Duration ttl) {
    requireNonNull(ttl, "ttl == null");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
  }

  @Override
  public String toString() {
    return "InMemorySyncStateStore[" + db + "]";
  }
}
