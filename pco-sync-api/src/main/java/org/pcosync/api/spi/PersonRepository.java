package org.pcosync.api.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcosync.api.HostPerson;
import org.pcosync.api.PersonChanges;
import org.pcosync.api.PersonData;

/**
 * The host's people, as the sync reads and writes them.
 *
 * <p><b>Threads.</b> Called from one thread at a time per sync run; calls never overlap within a
 * run. <b>Errors.</b> Throw any unchecked exception; the engine reports it against the person and
 * goes on.
 */
public interface PersonRepository {

  /** Returns the person with this current id, or empty. */
  Optional<HostPerson> findById(String id);

  /**
   * Returns the person a stable id belongs to now: after a host merge of B into A, B's stable id
   * finds A. Empty when the person no longer exists.
   */
  Optional<HostPerson> findByStableId(String stableId);

  /**
   * Returns the people with these current ids, keyed by id; absent ids are left out. Override to
   * batch the lookup; the default calls {@link #findById} per id.
   */
  default Map<String, HostPerson> findByIds(Collection<String> ids) {
    Map<String, HostPerson> result = new LinkedHashMap<>();
    for (String id : ids) {
      findById(id).ifPresent(p -> result.put(id, p));
    }
    return result;
  }

  /**
   * Returns the people these stable ids belong to, keyed by the stable id asked for (two keys may
   * map to one person after a host merge); absent ids are left out. Override to batch; the default
   * calls {@link #findByStableId} per id.
   */
  default Map<String, HostPerson> findByStableIds(Collection<String> stableIds) {
    Map<String, HostPerson> result = new LinkedHashMap<>();
    for (String id : stableIds) {
      findByStableId(id).ifPresent(p -> result.put(id, p));
    }
    return result;
  }

  /**
   * Returns <em>every</em> person whose email equals {@code email}, ignoring case and surrounding
   * whitespace (spouses often share one). Empty list when none.
   */
  List<HostPerson> findByEmail(String email);

  /**
   * Creates a person (import from PCO, lookup + register).
   *
   * @param data the new person's fields
   * @param connectionStatus an opaque host value (e.g. "Visitor"), nullable for the host's default
   * @return the created person with its ids
   */
  HostPerson create(PersonData data, String connectionStatus);

  /**
   * Applies changes to a person: exactly the listed fields, nothing else.
   *
   * @return the person after the change
   * @throws java.util.NoSuchElementException when no person has this id
   */
  HostPerson update(String id, PersonChanges changes);

  /** Returns whether {@link #modifiedSince} is supported; false by default. */
  default boolean supportsModifiedSince() {
    return false;
  }

  /**
   * Returns the current ids of people changed at or after {@code since}, for updates-only runs.
   *
   * @throws UnsupportedOperationException unless {@link #supportsModifiedSince()}
   */
  default Set<String> modifiedSince(Instant since) {
    throw new UnsupportedOperationException("modifiedSince is not supported by " + getClass().getName());
  }
}
