package org.pcosync.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.RunMode;
import org.pcosync.core.PcoSync;
import org.pcosync.core.SyncReport;
import org.pcosync.core.port.InMemoryPcoPort;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PersonAttribute;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/**
 * One church of {@code n} people on both sides, in memory: the in-memory host of the testkit, the
 * core's {@link InMemoryPcoPort} (no HTTP) and an in-memory state store, wired through the public
 * {@link PcoSync} builder exactly as an embedder would.
 *
 * <pre>{@code
 * World world = World.linked(100_000);          // both sides seeded, one full run applied
 * SyncPlan steady = world.sync().dryRun();       // nothing changed: an empty plan
 * world.editOnePercentOnEachSide();
 * SyncPlan edits = world.sync().dryRun();        // n / 50 people, one write each
 * }</pre>
 *
 * <p>Both sides hold the same {@linkplain Church people}, and PCO also holds the account's own
 * user ({@code /me}), who is not in the host. Every host person is in the sync set (a permission
 * group for Scheduled Viewers, one for Editors) and already in Services at that level, so the
 * first run only links and records bases. The clock is virtual and moves only when told.
 *
 * <p>Not thread-safe: build it, then plan from one thread.
 */
public final class World {
  /** The account id every world syncs. */
  public static final String ACCOUNT = "bench";

  private final int size;
  private final MutableClock clock = MutableClock.create();
  private final InMemoryPcoPort pco = InMemoryPcoPort.builder().clock(clock).build();
  private final InMemoryHost host;
  private final InMemorySyncStateStore state = new InMemorySyncStateStore();
  private final List<String> pcoIds;
  private final PcoSync sync;

  private World(int size) {
    if (size < 100) {
      throw new IllegalArgumentException("size must be at least 100 (edits touch 1 %), was " + size);
    }
    this.size = size;
    this.host = InMemoryHost.of(Church.hostFixture(size, ACCOUNT), clock);
    this.pcoIds = seedPco(pco.admin(), size);
    pco.setMe(pco.admin().createPerson(Map.of(PersonAttribute.FIRST_NAME, "Sam", PersonAttribute.LAST_NAME, "Admin"))
        .id());
    PcoAccount account = PcoAccount.builder(ACCOUNT)
        .credentials(PcoCredentials.personalAccessToken("bench", "bench")) // never used: the port is in memory
        .build();
    this.sync = PcoSync.builder().account(account)
        .people(host.people()).groups(host.groups()).tags(host.tags()).state(state)
        .clock(clock).port(pco)
        .build();
  }

  /** Returns a world whose two sides hold the same {@code n} people, none linked yet. */
  public static World unlinked(int n) {
    return new World(n);
  }

  /**
   * Returns a world of {@code n} linked people in steady state: both sides seeded, one full run
   * applied (it links everyone and records bases), the clock an hour later, the call log empty.
   *
   * @throws IllegalStateException when the linking run was held or failed for anyone
   */
  public static World linked(int n) {
    World w = new World(n);
    w.linkAll();
    return w;
  }

  /**
   * Applies the first full run (it links everyone and records bases), moves the clock an hour on
   * and empties the call log: what {@link #linked} does after seeding.
   *
   * @throws IllegalStateException when the run was held or did not link everyone cleanly
   */
  public SyncReport linkAll() {
    SyncReport first = sync.run(RunMode.FULL);
    if (first.isHeld() || !first.isClean() || first.linked().size() != size) {
      throw new IllegalStateException("the linking run did not link all " + size + " people: " + first.summary());
    }
    clock.advance(Duration.ofHours(1));
    pco.clearCalls();
    return first;
  }

  /** Returns how many people each side holds (the account's own PCO user not counted). */
  public int size() {
    return size;
  }

  /** Returns the sync under test. */
  public PcoSync sync() {
    return sync;
  }

  /** Returns the in-memory PCO (its call log counts the port calls of a run). */
  public InMemoryPcoPort pco() {
    return pco;
  }

  /** Returns the in-memory host. */
  public InMemoryHost host() {
    return host;
  }

  /** Returns the state store (links, bases, cursor, journal). */
  public InMemorySyncStateStore state() {
    return state;
  }

  /** Returns the virtual clock. */
  public MutableClock clock() {
    return clock;
  }

  /**
   * Edits 1 % of the people in the host (a new mobile number, persons 1, 101, 201, …) and another
   * 1 % in PCO (birthdate one day later, persons 51, 151, 251, …), the way users would, then moves
   * the clock a minute on. A plan afterwards writes PCO for the first group and the host for the
   * second: {@code n / 50} people with one write each.
   *
   * @return how many people were edited on both sides together
   */
  public int editOnePercentOnEachSide() {
    int edited = 0;
    for (int i = 1; i <= size; i += 100) {
      int person = i;
      host.people().edit(Church.hostId(person), d -> d.toBuilder()
          .phone(org.pcosync.api.PhoneType.MOBILE, Church.editedMobile(person)).build());
      edited++;
    }
    PcoPort admin = pco.admin();
    for (int i = 51; i <= size; i += 100) {
      Map<PersonAttribute, String> change = new EnumMap<>(PersonAttribute.class);
      change.put(PersonAttribute.BIRTHDATE, Church.birthdate(i).plusDays(1).toString());
      admin.updatePerson(pcoIds.get(i - 1), change);
      edited++;
    }
    clock.advance(Duration.ofMinutes(1));
    return edited;
  }

  /** Adds person 1..n to PCO People and Services as an admin would (not logged); returns ids by person. */
  private static List<String> seedPco(PcoPort admin, int n) {
    List<String> ids = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      Map<PersonAttribute, String> a = new EnumMap<>(PersonAttribute.class);
      a.put(PersonAttribute.FIRST_NAME, Church.firstName(i));
      a.put(PersonAttribute.LAST_NAME, Church.lastName(i));
      a.put(PersonAttribute.BIRTHDATE, Church.birthdate(i).toString());
      a.put(PersonAttribute.GENDER, Church.gender(i).pcoValue());
      String id = admin.createPerson(a).id();
      admin.addEmail(id, Church.email(i), "Home", true);
      admin.addPhone(id, Church.mobile(i), "Mobile", true);
      PostalAddress address = Church.address(i);
      if (address != null) {
        admin.addAddress(id, address, "Home", true);
      }
      admin.addToServices(id, null);
      if (Church.level(i) != PermissionLevel.SCHEDULED_VIEWER) {
        admin.setPermission(id, Church.level(i));
      }
      ids.add(id);
    }
    return ids;
  }
}
