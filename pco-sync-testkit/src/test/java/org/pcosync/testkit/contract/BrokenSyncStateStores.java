package org.pcosync.testkit.contract;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pcosync.api.CreateIntent;
import org.pcosync.api.FieldSnapshot;
import org.pcosync.api.JournalEntry;
import org.pcosync.api.Link;
import org.pcosync.api.LinkConflictException;
import org.pcosync.api.RunLease;
import org.pcosync.api.SyncField;
import org.pcosync.api.spi.ForwardingSyncStateStore;
import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/**
 * Sync state stores with one defect each, as the kit subclasses that run {@link
 * SyncStateStoreContract} against them. Each is the in-memory store with one call broken; side data
 * a defect needs lives in {@link Shared}, so it survives a re-opened store like the real data does
 * and each defect fails only the checks it should. Not named *Test: only {@link
 * KitCatchesBrokenAdaptersTest} runs them.
 */
final class BrokenSyncStateStores {
  private BrokenSyncStateStores() {}

  /** The data behind a broken store: the in-memory database plus the defect's side data. */
  static final class Shared {
    final InMemorySyncStateStore.Database db = new InMemorySyncStateStore.Database();
    final Map<String, Link> extraLinks = new ConcurrentHashMap<>();
    final Map<String, Link> ghosts = new ConcurrentHashMap<>();
    final List<JournalEntry> journalLog = new CopyOnWriteArrayList<>();
    final CyclicBarrier window = new CyclicBarrier(2);
  }

  static String key(String a, String b) {
    return a + "\u0000" + b;
  }

  /** The in-memory store, with every call forwarded so one can be broken. */
  static class Forwarding extends ForwardingSyncStateStore {
    final SyncStateStore real;
    final Shared shared;

    Forwarding(Shared shared) {
      this(shared, new InMemorySyncStateStore(shared.db));
    }

    private Forwarding(Shared shared, SyncStateStore real) {
      super(real);
      this.shared = shared;
      this.real = real;
    }
  }

  /** A kit subclass over a broken store. */
  abstract static class Kit extends SyncStateStoreContract<Shared> {
    abstract SyncStateStore broken(Shared shared);

    @Override
    protected Shared createDatabase() {
      return new Shared();
    }

    @Override
    protected SyncStateStore openStore(Shared database) {
      return broken(database);
    }
  }

  /** Links a second host person to a PCO person instead of refusing. */
  static final class DuplicateLinksAllowed extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public void saveLink(Link link) {
          try {
            real.saveLink(link);
          } catch (LinkConflictException e) {
            real.deleteLink(link.accountId(), link.hostStableId());
            shared.extraLinks.put(key(link.accountId(), link.hostStableId()), link);
          }
        }

        @Override
        public Optional<Link> linkByHost(String accountId, String hostStableId) {
          Link extra = shared.extraLinks.get(key(accountId, hostStableId));
          return extra != null ? Optional.of(extra) : real.linkByHost(accountId, hostStableId);
        }

        @Override
        public List<Link> links(String accountId) {
          List<Link> all = new ArrayList<>(real.links(accountId));
          shared.extraLinks.values().stream().filter(l -> l.accountId().equals(accountId)).forEach(all::add);
          return all;
        }
      };
    }
  }

  /** Drops the host person's old link before it finds out the new one conflicts. */
  static final class ConflictAfterPartialWrite extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public void saveLink(Link link) {
          real.deleteLink(link.accountId(), link.hostStableId());
          real.saveLink(link);
        }
      };
    }
  }

  /** Never forgets which host person a PCO id was linked to, even after a relink or delete. */
  static final class StalePcoIndex extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public void saveLink(Link link) {
          Link ghost = shared.ghosts.get(key(link.accountId(), link.pcoPersonId()));
          if (ghost != null && !ghost.hostStableId().equals(link.hostStableId())) {
            throw new LinkConflictException("PCO person " + link.pcoPersonId() + " is linked to " + ghost.hostStableId());
          }
          real.saveLink(link);
          shared.ghosts.put(key(link.accountId(), link.pcoPersonId()), link);
        }

        @Override
        public Optional<Link> linkByPco(String accountId, String pcoPersonId) {
          Optional<Link> found = real.linkByPco(accountId, pcoPersonId);
          return found.isPresent() ? found : Optional.ofNullable(shared.ghosts.get(key(accountId, pcoPersonId)));
        }
      };
    }
  }

  /** Stores snapshots through a column that turns CRLF into LF. */
  static final class SnapshotsLoseCarriageReturns extends Kit {
    private static FieldSnapshot lossy(FieldSnapshot s) {
      Map<SyncField, String> m = new EnumMap<>(SyncField.class);
      s.values().forEach((f, v) -> m.put(f, v.replace("\r", "")));
      return new FieldSnapshot(m);
    }

    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public void saveLink(Link link) {
          real.saveLink(new Link(link.accountId(), link.hostStableId(), link.pcoPersonId(), lossy(link.hostBase()),
              lossy(link.pcoBase()), lossy(link.rejectedValues()), lossy(link.rejectedReasons()), link.linkedAt(),
              link.syncedAt()));
        }
      };
    }
  }

  /** Keeps cursors in whole seconds. */
  static final class CursorInSeconds extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public void saveCursor(String accountId, String name, Instant value) {
          real.saveCursor(accountId, name, value.truncatedTo(ChronoUnit.SECONDS));
        }
      };
    }
  }

  /** Ignores clearCheckpoint. */
  static final class CheckpointNeverCleared extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public void clearCheckpoint(String accountId, String name) {}
      };
    }
  }

  /** Keeps the first create intent of a host person instead of replacing it. */
  static final class CreateIntentFirstWins extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public void saveCreateIntent(CreateIntent intent) {
          if (real.createIntent(intent.accountId(), intent.hostStableId()).isEmpty()) {
            real.saveCreateIntent(intent);
          }
        }
      };
    }
  }

  /** Lists the journal oldest first. */
  static final class JournalOldestFirst extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public List<JournalEntry> journal(String accountId) {
          List<JournalEntry> all = new ArrayList<>(real.journal(accountId));
          java.util.Collections.reverse(all);
          return all;
        }
      };
    }
  }

  /** Lists the journal by updatedAt instead of createdAt. */
  static final class JournalByUpdatedAt extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public List<JournalEntry> journal(String accountId) {
          List<JournalEntry> all = new ArrayList<>(real.journal(accountId));
          all.sort(Comparator.comparing(JournalEntry::updatedAt).reversed());
          return all;
        }
      };
    }
  }

  /** Appends every saved journal entry, so a re-saved id is listed twice. */
  static final class JournalAppends extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public void saveJournalEntry(JournalEntry entry) {
          real.saveJournalEntry(entry);
          shared.journalLog.add(entry);
        }

        @Override
        public List<JournalEntry> journal(String accountId) {
          return shared.journalLog.stream().filter(e -> e.accountId().equals(accountId))
              .sorted(Comparator.comparing(JournalEntry::createdAt).reversed()).toList();
        }
      };
    }
  }

  /** Keeps everything in the instance: a new store over the same data starts empty. */
  static final class StateLostOnReopen extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(new Shared());
    }
  }

  /** Keeps the lease in the instance: two stores over the same data each grant it. */
  static final class LeaseNotSharedAcrossStores extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      SyncStateStore own = new InMemorySyncStateStore();
      return new Forwarding(shared) {
        @Override
        public Optional<RunLease> tryAcquireLease(String accountId, String owner, Instant now, Duration ttl) {
          return own.tryAcquireLease(accountId, owner, now, ttl);
        }

        @Override
        public Optional<RunLease> renewLease(RunLease lease, Instant now, Duration ttl) {
          return own.renewLease(lease, now, ttl);
        }

        @Override
        public Optional<RunLease> currentLease(String accountId) {
          return own.currentLease(accountId);
        }

        @Override
        public void releaseLease(RunLease lease) {
          own.releaseLease(lease);
        }
      };
    }
  }

  /** Never lets a lease lapse: a crashed run holds the account forever. */
  static final class LeaseNeverExpires extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public Optional<RunLease> tryAcquireLease(String accountId, String owner, Instant now, Duration ttl) {
          return real.currentLease(accountId).isPresent() ? Optional.empty() : real.tryAcquireLease(accountId, owner, now, ttl);
        }
      };
    }
  }

  /** Releases whatever lease the account has, whoever asks. */
  static final class LeaseReleasableByAnyone extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public void releaseLease(RunLease lease) {
          real.currentLease(lease.accountId()).ifPresent(real::releaseLease);
        }
      };
    }
  }

  /** Renews whatever lease the account has when the owner names match, ignoring the token. */
  static final class RenewChecksOwnerNotToken extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public Optional<RunLease> renewLease(RunLease lease, Instant now, Duration ttl) {
          return real.currentLease(lease.accountId())
              .filter(current -> current.owner().equals(lease.owner()))
              .flatMap(current -> real.renewLease(current, now, ttl));
        }
      };
    }
  }

  /**
   * Checks the lease, then takes it in a second step: two racers that both saw it free both get it.
   * The gap between the steps waits briefly for a second racer, so the race test sees the defect
   * every time rather than by luck; single calls pass through after the wait.
   */
  static final class LeaseCheckThenAct extends Kit {
    @Override
    SyncStateStore broken(Shared shared) {
      return new Forwarding(shared) {
        @Override
        public Optional<RunLease> tryAcquireLease(String accountId, String owner, Instant now, Duration ttl) {
          Optional<RunLease> seen = real.currentLease(accountId);
          if (seen.isPresent() && !seen.get().isExpiredAt(now)) {
            return Optional.empty();
          }
          waitForAnotherRacer(shared.window);
          real.currentLease(accountId).ifPresent(real::releaseLease);
          return real.tryAcquireLease(accountId, owner, now, ttl);
        }
      };
    }

    private static void waitForAnotherRacer(CyclicBarrier window) {
      try {
        window.await(100, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | BrokenBarrierException e) {
        window.reset();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
