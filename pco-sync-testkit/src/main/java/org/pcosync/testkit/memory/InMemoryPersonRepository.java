package org.pcosync.testkit.memory;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.pcosync.api.HostPerson;
import org.pcosync.api.Normalize;
import org.pcosync.api.PersonChanges;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhotoRef;
import org.pcosync.api.spi.PersonRepository;

/**
 * A {@link PersonRepository} over a map in memory, with host-side merges, so engine tests and the
 * demo need no database.
 *
 * <pre>{@code
 * InMemoryPersonRepository people = new InMemoryPersonRepository(fixture, clock);
 * HostPerson ted = people.create(tedData, "Visitor");   // id "person-1", stable id "alias-1"
 * people.merge("p1", ted.id());                          // ted's stable id now finds p1
 * }</pre>
 *
 * <p>People created here get an id {@code person-N} and a <em>different</em> stable id
 * {@code alias-N}, so code that confuses the two fails. Every create, update, edit and merge stamps
 * {@link HostPerson#modifiedAt()} with the clock; {@link #modifiedSince} is supported. Besides the
 * SPI, test helpers simulate what happens on the host: {@link #edit}, {@link #setPhoto},
 * {@link #delete}, {@link #merge}; {@link #updates()} records every SPI update for assertions.
 *
 * <p>Thread-safe; share one instance. Every method is atomic.
 */
public final class InMemoryPersonRepository implements PersonRepository {

  /**
   * One {@link #update} call as the repository received it.
   *
   * <p>Immutable and thread-safe.
   *
   * @param id the person id passed to {@code update}
   * @param changes the changes passed to {@code update}
   */
  public record Update(String id, PersonChanges changes) {
    /** Validates the components. */
    public Update {
      requireNonNull(id, "id == null");
      requireNonNull(changes, "changes == null");
    }
  }

  private final Clock clock;
  private final Map<String, HostPerson> people = new LinkedHashMap<>();
  private final Map<String, String> connectionStatus = new HashMap<>();
  /** stable id → current id; holds every stable id ever issued whose person still exists. */
  private final Map<String, String> stableToId = new HashMap<>();
  private final List<Update> updates = new ArrayList<>();
  private final Map<String, RuntimeException> updateFailures = new HashMap<>();
  private long sequence;

  /** Creates an empty repository whose modification times come from {@code clock}. */
  public InMemoryPersonRepository(Clock clock) {
    this(HostFixture.EMPTY, clock);
  }

  /**
   * Creates a repository holding the fixture's people (with their own modification times) whose
   * later modification times come from {@code clock}.
   */
  public InMemoryPersonRepository(HostFixture fixture, Clock clock) {
    requireNonNull(fixture, "fixture == null");
    this.clock = requireNonNull(clock, "clock == null");
    for (HostPerson p : fixture.people()) {
      people.put(p.id(), p);
      stableToId.put(p.stableId(), p.id());
    }
  }

  @Override
  public synchronized Optional<HostPerson> findById(String id) {
    requireNonNull(id, "id == null");
    return Optional.ofNullable(people.get(id));
  }

  @Override
  public synchronized Optional<HostPerson> findByStableId(String stableId) {
    requireNonNull(stableId, "stableId == null");
    String id = stableToId.get(stableId);
    return id == null ? Optional.empty() : Optional.ofNullable(people.get(id));
  }

  @Override
  public synchronized Map<String, HostPerson> findByIds(Collection<String> ids) {
    Map<String, HostPerson> result = new LinkedHashMap<>();
    for (String id : ids) {
      findById(id).ifPresent(p -> result.put(id, p));
    }
    return result;
  }

  @Override
  public synchronized Map<String, HostPerson> findByStableIds(Collection<String> stableIds) {
    Map<String, HostPerson> result = new LinkedHashMap<>();
    for (String id : stableIds) {
      findByStableId(id).ifPresent(p -> result.put(id, p));
    }
    return result;
  }

  /** {@inheritDoc} A null or blank email finds nobody. */
  @Override
  public synchronized List<HostPerson> findByEmail(String email) {
    String key = Normalize.email(email);
    if (key == null) {
      return List.of();
    }
    List<HostPerson> result = new ArrayList<>();
    for (HostPerson p : people.values()) {
      if (key.equals(Normalize.email(p.data().email()))) {
        result.add(p);
      }
    }
    return List.copyOf(result);
  }

  @Override
  public synchronized HostPerson create(PersonData data, String connectionStatus) {
    requireNonNull(data, "data == null");
    String id;
    String stableId;
    do {
      sequence++;
      id = "person-" + sequence;
      stableId = "alias-" + sequence;
    } while (people.containsKey(id) || stableToId.containsKey(stableId));
    HostPerson p = new HostPerson(id, stableId, data, null, clock.instant());
    people.put(id, p);
    stableToId.put(stableId, id);
    if (connectionStatus != null) {
      this.connectionStatus.put(id, connectionStatus);
    }
    return p;
  }

  @Override
  public synchronized HostPerson update(String id, PersonChanges changes) {
    requireNonNull(changes, "changes == null");
    HostPerson p = existing(id);
    RuntimeException failure = updateFailures.get(id);
    if (failure != null) {
      throw failure;
    }
    updates.add(new Update(id, changes));
    return put(p, changes.applyTo(p.data()), p.photo());
  }

  /** Returns true: the repository records modification times. */
  @Override
  public boolean supportsModifiedSince() {
    return true;
  }

  @Override
  public synchronized Set<String> modifiedSince(Instant since) {
    requireNonNull(since, "since == null");
    Set<String> result = new LinkedHashSet<>();
    for (HostPerson p : people.values()) {
      if (p.modifiedAt() != null && !p.modifiedAt().isBefore(since)) {
        result.add(p.id());
      }
    }
    return result;
  }

  // ---- host-side helpers ---------------------------------------------------------------------------

  /**
   * Merges one person into another, as a host admin would: {@code removeId} disappears, and every
   * stable id that found it now finds {@code keepId}. The kept person keeps their own data and
   * stable id, and is stamped modified.
   *
   * @return the kept person
   * @throws NoSuchElementException when either person does not exist
   * @throws IllegalArgumentException when both ids are the same
   */
  public synchronized HostPerson merge(String keepId, String removeId) {
    HostPerson keep = existing(keepId);
    existing(removeId);
    if (keepId.equals(removeId)) {
      throw new IllegalArgumentException("cannot merge " + keepId + " into itself");
    }
    people.remove(removeId);
    connectionStatus.remove(removeId);
    stableToId.replaceAll((stable, id) -> id.equals(removeId) ? keepId : id);
    return put(keep, keep.data(), keep.photo());
  }

  /**
   * Changes a person's data as a host user would (not through the SPI, so not recorded in
   * {@link #updates()}), and stamps them modified.
   *
   * @return the person after the edit
   * @throws NoSuchElementException when no person has this id
   */
  public synchronized HostPerson edit(String id, UnaryOperator<PersonData> change) {
    requireNonNull(change, "change == null");
    HostPerson p = existing(id);
    return put(p, requireNonNull(change.apply(p.data()), "change returned null"), p.photo());
  }

  /**
   * Sets or removes ({@code null}) a person's photo, and stamps them modified.
   *
   * @return the person after the change
   * @throws NoSuchElementException when no person has this id
   */
  public synchronized HostPerson setPhoto(String id, PhotoRef photo) {
    HostPerson p = existing(id);
    return put(p, p.data(), photo);
  }

  /**
   * Deletes a person; their stable ids then find nobody.
   *
   * @return whether there was such a person
   */
  public synchronized boolean delete(String id) {
    requireNonNull(id, "id == null");
    if (people.remove(id) == null) {
      return false;
    }
    connectionStatus.remove(id);
    stableToId.values().removeIf(id::equals);
    return true;
  }

  /**
   * Makes every later {@link #update} of a person throw {@code error} (nothing is changed or
   * recorded), as a failing host would; {@code null} makes updates succeed again. For testing that
   * the engine reports a host failure against the person and goes on.
   */
  public synchronized void failUpdatesOf(String id, RuntimeException error) {
    requireNonNull(id, "id == null");
    if (error == null) {
      updateFailures.remove(id);
    } else {
      updateFailures.put(id, error);
    }
  }

  /** Returns every person, in creation order. */
  public synchronized List<HostPerson> people() {
    return List.copyOf(people.values());
  }

  /** Returns the number of people. */
  public synchronized int size() {
    return people.size();
  }

  /** Returns the connection status a person was created with, or empty (fixture people, or null at create). */
  public synchronized Optional<String> connectionStatus(String id) {
    return Optional.ofNullable(connectionStatus.get(id));
  }

  /** Returns every {@link #update} call so far, oldest first. */
  public synchronized List<Update> updates() {
    return List.copyOf(updates);
  }

  private HostPerson existing(String id) {
    requireNonNull(id, "id == null");
    HostPerson p = people.get(id);
    if (p == null) {
      throw new NoSuchElementException("no person with id " + id);
    }
    return p;
  }

  private HostPerson put(HostPerson before, PersonData data, PhotoRef photo) {
    HostPerson after = new HostPerson(before.id(), before.stableId(), data, photo, clock.instant());
    people.put(after.id(), after);
    return after;
  }

  @Override
  public synchronized String toString() {
    return "InMemoryPersonRepository[" + people.size() + " people]";
  }
}
