package org.pcosync.testkit.contract;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcosync.api.HostPerson;
import org.pcosync.api.PersonChanges;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncField;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryPersonRepository;

/**
 * Person repositories with one defect each, as the kit subclasses that run {@link
 * PersonRepositoryContract} against them. Not named *Test: only {@link KitCatchesBrokenAdaptersTest}
 * runs them, through the JUnit Platform launcher.
 */
final class BrokenPersonRepositories {
  private BrokenPersonRepositories() {}

  /** The in-memory repository, with every call forwarded so one can be broken. */
  static class Forwarding implements PersonRepository {
    final InMemoryPersonRepository real;

    Forwarding(InMemoryPersonRepository real) {
      this.real = real;
    }

    @Override
    public Optional<HostPerson> findById(String id) {
      return real.findById(id);
    }

    @Override
    public Optional<HostPerson> findByStableId(String stableId) {
      return real.findByStableId(stableId);
    }

    @Override
    public Map<String, HostPerson> findByIds(Collection<String> ids) {
      return real.findByIds(ids);
    }

    @Override
    public Map<String, HostPerson> findByStableIds(Collection<String> stableIds) {
      return real.findByStableIds(stableIds);
    }

    @Override
    public List<HostPerson> findByEmail(String email) {
      return real.findByEmail(email);
    }

    @Override
    public HostPerson create(PersonData data, String connectionStatus) {
      return real.create(data, connectionStatus);
    }

    @Override
    public HostPerson update(String id, PersonChanges changes) {
      return real.update(id, changes);
    }

    @Override
    public boolean supportsModifiedSince() {
      return real.supportsModifiedSince();
    }

    @Override
    public Set<String> modifiedSince(Instant since) {
      return real.modifiedSince(since);
    }

    void merge(String keepId, String removeId) {
      real.merge(keepId, removeId);
    }

    HostPerson replaceData(String id, PersonData data) {
      return real.edit(id, d -> data);
    }
  }

  /** A kit subclass over a broken repository; merges supported. */
  abstract static class Kit extends PersonRepositoryContract {
    abstract Forwarding broken(InMemoryPersonRepository real);

    @Override
    protected PersonRepository createRepository(HostFixture fixture, Clock clock) {
      return broken(new InMemoryPersonRepository(fixture, clock));
    }

    @Override
    protected boolean supportsMerge() {
      return true;
    }

    @Override
    protected void merge(PersonRepository repository, String keepId, String removeId) {
      ((Forwarding) repository).merge(keepId, removeId);
    }
  }

  /** Compares emails exactly (trimmed, but with case). */
  static final class CaseSensitiveEmail extends Kit {
    @Override
    Forwarding broken(InMemoryPersonRepository real) {
      return new Forwarding(real) {
        @Override
        public List<HostPerson> findByEmail(String email) {
          return real.people().stream().filter(p -> email.strip().equals(p.data().email())).toList();
        }
      };
    }
  }

  /** Ignores case but not surrounding whitespace. */
  static final class UntrimmedEmail extends Kit {
    @Override
    Forwarding broken(InMemoryPersonRepository real) {
      return new Forwarding(real) {
        @Override
        public List<HostPerson> findByEmail(String email) {
          return real.people().stream().filter(p -> email.equalsIgnoreCase(p.data().email())).toList();
        }
      };
    }
  }

  /** Returns only the first person with the email, as a {@code LIMIT 1} query would. */
  static final class FirstEmailMatchOnly extends Kit {
    @Override
    Forwarding broken(InMemoryPersonRepository real) {
      return new Forwarding(real) {
        @Override
        public List<HostPerson> findByEmail(String email) {
          return real.findByEmail(email).stream().limit(1).toList();
        }
      };
    }
  }

  /** Matches any email containing the one asked for, as a {@code LIKE '%x%'} query would. */
  static final class SubstringEmail extends Kit {
    @Override
    Forwarding broken(InMemoryPersonRepository real) {
      return new Forwarding(real) {
        @Override
        public List<HostPerson> findByEmail(String email) {
          String key = email.strip().toLowerCase(Locale.ROOT);
          return real.people().stream()
              .filter(p -> p.data().email() != null && p.data().email().toLowerCase(Locale.ROOT).contains(key))
              .toList();
        }
      };
    }
  }

  /** Writes every non-null value handed over, listed or not (a "patch with the non-null fields"). */
  static final class UpdateWritesUnlistedFields extends Kit {
    @Override
    Forwarding broken(InMemoryPersonRepository real) {
      return new Forwarding(real) {
        @Override
        public HostPerson update(String id, PersonChanges changes) {
          PersonData data = real.findById(id).orElseThrow().data();
          for (SyncField f : SyncField.values()) {
            if (f.isPersonData() && (changes.fields().contains(f) || changes.values().get(f) != null)) {
              data = data.with(f, changes.values().get(f));
            }
          }
          return replaceData(id, data);
        }
      };
    }
  }

  /** Skips listed fields whose new value is null, so nothing is ever cleared. */
  static final class UpdateNeverClears extends Kit {
    @Override
    Forwarding broken(InMemoryPersonRepository real) {
      return new Forwarding(real) {
        @Override
        public HostPerson update(String id, PersonChanges changes) {
          PersonData data = real.findById(id).orElseThrow().data();
          for (SyncField f : changes.fields()) {
            if (changes.values().get(f) != null) {
              data = data.with(f, changes.values().get(f));
            }
          }
          return replaceData(id, data);
        }
      };
    }
  }

  /** Ignores an update of an unknown id and returns a made-up person. */
  static final class UpdateOfUnknownIdIgnored extends Kit {
    @Override
    Forwarding broken(InMemoryPersonRepository real) {
      return new Forwarding(real) {
        @Override
        public HostPerson update(String id, PersonChanges changes) {
          if (real.findById(id).isEmpty()) {
            return HostPerson.of(id, changes.applyTo(PersonData.builder().build()));
          }
          return real.update(id, changes);
        }
      };
    }
  }

  /** Puts absent ids into the batch result with a null value. */
  static final class BatchLookupKeepsAbsentIds extends Kit {
    @Override
    Forwarding broken(InMemoryPersonRepository real) {
      return new Forwarding(real) {
        @Override
        public Map<String, HostPerson> findByIds(Collection<String> ids) {
          Map<String, HostPerson> result = new LinkedHashMap<>();
          ids.forEach(id -> result.put(id, real.findById(id).orElse(null)));
          return result;
        }
      };
    }
  }

  /** Keys the batch stable-id lookup by the person's own stable id instead of the one asked for. */
  static final class StableIdBatchKeyedByFoundPerson extends Kit {
    @Override
    Forwarding broken(InMemoryPersonRepository real) {
      return new Forwarding(real) {
        @Override
        public Map<String, HostPerson> findByStableIds(Collection<String> stableIds) {
          Map<String, HostPerson> result = new LinkedHashMap<>();
          stableIds.forEach(s -> real.findByStableId(s).ifPresent(p -> result.put(p.stableId(), p)));
          return result;
        }
      };
    }
  }

  /** A host merge that deletes the removed person, stable id and all. */
  static final class MergeLosesStableIdentity extends Kit {
    @Override
    Forwarding broken(InMemoryPersonRepository real) {
      return new Forwarding(real) {
        @Override
        void merge(String keepId, String removeId) {
          real.delete(removeId);
        }
      };
    }
  }

  /** modifiedSince with "after" instead of "at or after". */
  static final class ModifiedSinceExclusive extends Kit {
    @Override
    Forwarding broken(InMemoryPersonRepository real) {
      return new Forwarding(real) {
        @Override
        public Set<String> modifiedSince(Instant since) {
          Set<String> result = new LinkedHashSet<>();
          for (HostPerson p : new ArrayList<>(real.people())) {
            if (p.modifiedAt() != null && p.modifiedAt().isAfter(since)) {
              result.add(p.id());
            }
          }
          return result;
        }
      };
    }
  }

  /** Says it cannot answer modifiedSince, yet answers with nobody instead of refusing. */
  static final class ModifiedSinceSilentlyEmpty extends Kit {
    @Override
    protected boolean supportsModifiedSince() {
      return false;
    }

    @Override
    Forwarding broken(InMemoryPersonRepository real) {
      return new Forwarding(real) {
        @Override
        public boolean supportsModifiedSince() {
          return false;
        }

        @Override
        public Set<String> modifiedSince(Instant since) {
          return Set.of();
        }
      };
    }
  }
}
