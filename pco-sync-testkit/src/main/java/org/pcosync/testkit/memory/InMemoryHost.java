package org.pcosync.testkit.memory;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import org.pcosync.api.HostPerson;

/**
 * The three host repositories of one in-memory church, seeded from one {@link HostFixture}: what a
 * ChMS adapter is to the engine, without a database.
 *
 * <pre>{@code
 * InMemoryHost host = InMemoryHost.of(fixture, clock);
 * engine = PcoSync.builder().people(host.people()).groups(host.groups()).tags(host.tags())...;
 * host.merge("p1", "p2");   // a host admin merges p2 into p1
 * }</pre>
 *
 * <p>Thread-safe; share one instance.
 */
public final class InMemoryHost {

  private final InMemoryPersonRepository people;
  private final InMemoryGroupRepository groups;
  private final InMemoryTagAttributeStore tags;

  private InMemoryHost(HostFixture fixture, Clock clock) {
    this.people = new InMemoryPersonRepository(fixture, clock);
    this.groups = new InMemoryGroupRepository(fixture);
    this.tags = new InMemoryTagAttributeStore(fixture);
  }

  /** Returns a host holding the fixture's people, groups and tags; modification times come from {@code clock}. */
  public static InMemoryHost of(HostFixture fixture, Clock clock) {
    requireNonNull(fixture, "fixture == null");
    requireNonNull(clock, "clock == null");
    return new InMemoryHost(fixture, clock);
  }

  /** Returns an empty host; modification times come from {@code clock}. */
  public static InMemoryHost empty(Clock clock) {
    return of(HostFixture.EMPTY, clock);
  }

  /** Returns the host's people. */
  public InMemoryPersonRepository people() {
    return people;
  }

  /** Returns the host's groups. */
  public InMemoryGroupRepository groups() {
    return groups;
  }

  /** Returns the host's "PCO Tags" attribute. */
  public InMemoryTagAttributeStore tags() {
    return tags;
  }

  /**
   * Merges one person into another the way a ChMS does: the removed person's stable ids find the
   * kept person ({@link InMemoryPersonRepository#merge}), and their group memberships and selected
   * tags move to the kept person. Not atomic across the three repositories: do not run it while a
   * sync reads this host.
   *
   * @return the kept person
   * @throws java.util.NoSuchElementException when either person does not exist
   */
  public HostPerson merge(String keepId, String removeId) {
    HostPerson kept = people.merge(keepId, removeId);
    groups.replaceMember(removeId, keepId);
    tags.replacePerson(removeId, keepId);
    return kept;
  }

  @Override
  public String toString() {
    return "InMemoryHost[" + people + ", " + groups + "]";
  }
}
