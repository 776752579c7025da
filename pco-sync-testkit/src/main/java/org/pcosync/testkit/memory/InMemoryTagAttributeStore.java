package org.pcosync.testkit.memory;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcosync.api.AvailableTag;
import org.pcosync.api.spi.TagAttributeStore;

/**
 * A {@link TagAttributeStore} over maps in memory, seeded from a {@link HostFixture}.
 *
 * <pre>{@code
 * InMemoryTagAttributeStore tags = new InMemoryTagAttributeStore(fixture);
 * tags.setSelectedTags("p1", "church-1", Set.of("tag-7"));
 * tags.availableTags("church-1");   // what the last publishAvailableTags offered
 * }</pre>
 *
 * <p>Thread-safe; share one instance. Every method is atomic.
 */
public final class InMemoryTagAttributeStore implements TagAttributeStore {

  /** account → person → tag ids (never an empty set). */
  private final Map<String, Map<String, Set<String>>> selected = new LinkedHashMap<>();
  private final Map<String, List<AvailableTag>> available = new LinkedHashMap<>();

  /** Creates a store where nobody has a tag. */
  public InMemoryTagAttributeStore() {
    this(HostFixture.EMPTY);
  }

  /** Creates a store holding the fixture's selected tags. */
  public InMemoryTagAttributeStore(HostFixture fixture) {
    requireNonNull(fixture, "fixture == null");
    fixture.selectedTags().forEach(
        (account, byPerson) -> byPerson.forEach(
            (person, tags) -> account(account).put(person, new LinkedHashSet<>(tags))));
  }

  @Override
  public synchronized Set<String> selectedTags(String personId, String accountId) {
    requireNonNull(personId, "personId == null");
    requireNonNull(accountId, "accountId == null");
    Map<String, Set<String>> byPerson = selected.get(accountId);
    Set<String> tags = byPerson == null ? null : byPerson.get(personId);
    return tags == null ? Set.of() : Set.copyOf(tags);
  }

  @Override
  public synchronized void setSelectedTags(String personId, String accountId, Set<String> tagIds) {
    requireNonNull(personId, "personId == null");
    requireNonNull(accountId, "accountId == null");
    requireNonNull(tagIds, "tagIds == null");
    Set<String> copy = new LinkedHashSet<>(tagIds);
    if (copy.isEmpty()) {
      Map<String, Set<String>> byPerson = selected.get(accountId);
      if (byPerson != null) {
        byPerson.remove(personId);
      }
    } else {
      account(accountId).put(personId, copy);
    }
  }

  @Override
  public synchronized Map<String, Set<String>> peopleWithTags(String accountId) {
    requireNonNull(accountId, "accountId == null");
    Map<String, Set<String>> result = new LinkedHashMap<>();
    selected.getOrDefault(accountId, Map.of()).forEach((person, tags) -> result.put(person, Set.copyOf(tags)));
    return Collections.unmodifiableMap(result);
  }

  @Override
  public synchronized void publishAvailableTags(String accountId, List<AvailableTag> tags) {
    requireNonNull(accountId, "accountId == null");
    available.put(accountId, List.copyOf(requireNonNull(tags, "tags == null")));
  }

  // ---- helpers -------------------------------------------------------------------------------------

  /** Returns the tags last published for an account; empty before the first publish. */
  public synchronized List<AvailableTag> availableTags(String accountId) {
    requireNonNull(accountId, "accountId == null");
    return available.getOrDefault(accountId, List.of());
  }

  /**
   * Moves every selected tag of {@code fromPersonId} to {@code toPersonId} (union), in every
   * account, as a host merge does.
   */
  public synchronized void replacePerson(String fromPersonId, String toPersonId) {
    requireNonNull(fromPersonId, "fromPersonId == null");
    requireNonNull(toPersonId, "toPersonId == null");
    for (Map<String, Set<String>> byPerson : selected.values()) {
      Set<String> moved = byPerson.remove(fromPersonId);
      if (moved != null) {
        byPerson.computeIfAbsent(toPersonId, p -> new LinkedHashSet<>()).addAll(moved);
      }
    }
  }

  private Map<String, Set<String>> account(String accountId) {
    return selected.computeIfAbsent(accountId, a -> new LinkedHashMap<>());
  }

  @Override
  public synchronized String toString() {
    return "InMemoryTagAttributeStore" + selected;
  }
}
