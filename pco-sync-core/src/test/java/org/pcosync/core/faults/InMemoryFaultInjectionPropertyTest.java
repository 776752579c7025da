package org.pcosync.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcosync.api.FieldSnapshot;
import org.pcosync.api.HostPerson;
import org.pcosync.api.Link;
import org.pcosync.api.NameMapping;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.RunMode;
import org.pcosync.api.SyncGroup;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.core.PcoSync;
import org.pcosync.core.SyncFailure;
import org.pcosync.core.SyncReport;
import org.pcosync.core.internal.Fields;
import org.pcosync.core.port.InMemoryPcoPort;
import org.pcosync.core.port.PcoOutcomeUnknownException;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PcoRejectedException;
import org.pcosync.core.port.PcoUnavailableException;
import org.pcosync.core.port.PersonAttribute;
import org.pcosync.core.port.PortEmail;
import org.pcosync.core.port.PortPerson;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/**
 * A seeded fault-injection property on the in-memory port: a random population (some people
 * already in PCO, some not; permission groups at two levels and a tag group) is synced through
 * {@value #FAULTY_RUNS} full or updates-only runs with random edits on both sides and random
 * faults: on PCO writes a 503 before the write, a 422 rejection, a response lost after the write,
 * or a simulated crash before or after it; a crash right before or after a host update or a
 * state-store write (link, create intent, checkpoint, journal); and a failing host for one person.
 * Then clean runs (all full or all updates-only) follow until one writes nothing. Whatever the
 * faults, (a) no host person has two PCO people, (b) every host person ends linked to exactly one
 * PCO person whose synced fields agree with the host's, except fields the last report names a
 * failure for (every field when the failure names none), (c) the last clean run writes nothing
 * (within {@value #MAX_CLEAN_RUNS} clean runs) and (d) no link points at a missing PCO person. A
 * failing seed prints the seed and every injected fault, so it can be replayed with
 * {@link #replay}.
 */
final class InMemoryFaultInjectionPropertyTest {
  private static final int SEEDS = 40;
  private static final int PEOPLE = 8;
  private static final int FAULTY_RUNS = 3;
  private static final int MAX_CLEAN_RUNS = 5;
  private static final String ACCOUNT = "a";
  private static final NameMapping MAPPING = NameMapping.LEGAL_TO_GIVEN_NICK_TO_FIRST;
  private static final String[] MIDDLES = {null, "Ann", "Bo", "Cy"};
  private static final String[] LASTS = {"Decker", "Marble", "Simmons"};
  private static final String[] PHONES = {null, "555-010-1001", "(555) 010-1002", "+1 555 010 1003"};

  @Test
  void randomFaultsNeverDuplicateOrLosePeopleAndCleanRunsConvergeToZeroWrites() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      replay(seed);
    }
  }

  /** Runs one seed; on failure the assertion message holds the seed and the injected faults. */
  static void replay(long seed) {
    new World(seed, 0.15).check();
  }

  /** Thrown by the fault port to simulate the process stopping mid-apply. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String where) {
      super("simulated stop " + where);
    }
  }

  /** One seed's world: the in-memory PCO, the host, the state store, the faults and their log. */
  static final class World {
    final long seed;
    final Random random;
    final double faultRate;
    final MutableClock clock = MutableClock.create();
    final InMemoryPcoPort pco = InMemoryPcoPort.builder().clock(clock).pageSize(3).build();
    final InMemorySyncStateStore state = new InMemorySyncStateStore();
    final List<String> log = new ArrayList<>();
    final String[] ids = new String[PEOPLE];
    final InMemoryHost host;
    final PcoSync sync;
    boolean faultsOn;
    boolean crashedThisRun;

    World(long seed, double faultRate) {
      this.seed = seed;
      this.random = new Random(seed);
      this.faultRate = faultRate;
      pco.setMe(pco.admin().createPerson(Map.of(PersonAttribute.FIRST_NAME, "Me", PersonAttribute.LAST_NAME, "Admin")).id());
      pco.addTagGroup("g-teams", "Teams", Map.of("t1", "Choir"));
      HostFixture.Builder fixture = HostFixture.builder();
      List<String> viewers = new ArrayList<>();
      List<String> editors = new ArrayList<>();
      List<String> choir = new ArrayList<>();
      for (int i = 0; i < PEOPLE; i++) {
        ids[i] = Integer.toString(i + 1);
        String last = pick(LASTS);
        PersonData data = PersonData.builder().firstName("P" + i).lastName(last).middleName(pick(MIDDLES))
            .email(email(i)).phone(PhoneType.MOBILE, pick(PHONES)).build();
        fixture.person(ids[i], data);
        if (random.nextBoolean()) {
          String id = pco.admin().createPerson(Map.of(PersonAttribute.FIRST_NAME, "P" + i, PersonAttribute.LAST_NAME, last)).id();
          pco.admin().addEmail(id, email(i), "Home", true);
          log.add("person " + ids[i] + " (" + data.lastName() + ") already in PCO as " + id);
        }
        int groups = random.nextInt(3);
        (groups == 0 ? viewers : editors).add(ids[i]);
        if (groups == 2 || random.nextInt(3) == 0) {
          choir.add(ids[i]);
        }
      }
      fixture.group(ACCOUNT, SyncGroup.permissionGroup("viewers", "Viewers", PermissionLevel.VIEWER), viewers.toArray(String[]::new));
      fixture.group(ACCOUNT, SyncGroup.permissionGroup("editors", "Editors", PermissionLevel.EDITOR), editors.toArray(String[]::new));
      fixture.group(ACCOUNT, SyncGroup.tagGroup("choir", "Choir", Set.of("t1")), choir.toArray(String[]::new));
      log.add("viewers " + viewers + ", editors " + editors + ", choir " + choir);
      host = InMemoryHost.of(fixture.build(), clock);
      PcoPort faulty = (PcoPort) Proxy.newProxyInstance(PcoPort.class.getClassLoader(), new Class<?>[] {PcoPort.class},
          new FaultHandler(this));
      sync = PcoSync.builder()
          .account(PcoAccount.builder(ACCOUNT).credentials(PcoCredentials.personalAccessToken("x", "y"))
              .stoppagePercentage(100).build()) // random edits touch most people: no mass-change guard
          .people(crashing(PersonRepository.class, host.people(), "host", "update"))
          .groups(host.groups()).tags(host.tags())
          .state(crashing(SyncStateStore.class, state, "state store", "save", "delete", "clear"))
          .clock(clock).port(faulty).build();
    }

    void check() {
      for (int run = 1; run <= FAULTY_RUNS; run++) {
        editBothSides(run);
        String failingHost = random.nextInt(3) == 0 ? pick(ids) : null;
        if (failingHost != null) {
          host.people().failUpdatesOf(failingHost, new IllegalStateException("host database unavailable"));
          log.add("run " + run + ": host updates of " + failingHost + " fail");
        }
        faultsOn = true;
        crashedThisRun = false;
        try {
          RunMode mode = randomMode();
          log.add("run " + run + ": " + mode);
          log.add("run " + run + ": " + sync.run(mode).summary());
        } catch (Crash crash) {
          log.add("run " + run + ": stopped (" + crash.getMessage() + ")");
        } finally {
          faultsOn = false;
          if (failingHost != null) {
            host.people().failUpdatesOf(failingHost, null);
          }
        }
        clock.advance(Duration.ofHours(1)); // past any lease a stopped run left
      }
      SyncReport last = null;
      boolean quiet = false;
      RunMode cleanMode = randomMode();
      for (int run = 1; run <= MAX_CLEAN_RUNS && !quiet; run++) {
        pco.clearCalls();
        last = sync.run(cleanMode);
        log.add("clean run " + run + " " + cleanMode + ": " + last.summary() + " writes " + pco.writes());
        quiet = pco.writes().isEmpty();
        clock.advance(Duration.ofMinutes(10));
      }
      String replay = describe();
      assertThat(quiet).as("(c) a clean run writes nothing within %d clean runs%s", MAX_CLEAN_RUNS, replay).isTrue();
      assertInvariants(last, replay);
    }

    private void assertInvariants(SyncReport last, String replay) {
      List<Link> links = state.links(ACCOUNT);
      for (Link link : links) {
        assertThat(pco.admin().person(link.pcoPersonId()))
            .as("(d) link %s points at an existing PCO person%s", link, replay).isPresent();
      }
      assertThat(links.stream().map(Link::pcoPersonId).distinct().count())
          .as("(a) no PCO person linked twice: %s%s", links, replay).isEqualTo(links.size());
      Set<String> failed = last.failures().stream().map(SyncFailure::hostPersonId).collect(Collectors.toSet());
      for (int i = 0; i < PEOPLE; i++) {
        int index = i;
        List<String> candidates = pco.allPeople().stream().filter(p -> belongsTo(p, index)).map(PortPerson::id).toList();
        assertThat(candidates).as("(a) PCO people of host person %s%s", ids[i], replay).hasSizeLessThanOrEqualTo(1);
        Link link = state.linkByHost(ACCOUNT, ids[i]).orElse(null);
        if (link == null) {
          assertThat(failed).as("(b) host person %s is unlinked and not reported in %s%s", ids[i], last.failures(), replay)
              .contains(ids[i]);
          continue;
        }
        assertThat(candidates).as("(b) host person %s linked to its one PCO person%s", ids[i], replay)
            .containsExactly(link.pcoPersonId());
        HostPerson h = host.people().findById(ids[i]).orElseThrow();
        PortPerson p = pco.admin().person(link.pcoPersonId()).orElseThrow();
        FieldSnapshot hostSide = Fields.host(h, MAPPING).snapshot();
        FieldSnapshot pcoSide = Fields.pco(p, MAPPING).side().snapshot();
        List<SyncFailure> own = last.failures().stream().filter(f -> ids[index].equals(f.hostPersonId())).toList();
        if (own.stream().noneMatch(f -> f.field() == null)) { // a failure without a field covers the whole person
          for (SyncFailure f : own) {
            hostSide = hostSide.without(f.field());
            pcoSide = pcoSide.without(f.field());
          }
          assertThat(pcoSide).as("(b) synced fields of host person %s but those reported in %s%s", ids[i], own, replay)
              .isEqualTo(hostSide);
        }
      }
    }

    /** A PCO person is host person i's when it carries i's first name, email or remote id. */
    private boolean belongsTo(PortPerson p, int i) {
      String name = "P" + i;
      return name.equalsIgnoreCase(p.firstName()) || name.equalsIgnoreCase(p.givenName()) || name.equalsIgnoreCase(p.nickname())
          || ids[i].equals(p.remoteId()) || p.emails().stream().map(PortEmail::address).anyMatch(email(i)::equalsIgnoreCase);
    }

    private void editBothSides(int run) {
      for (String id : ids) {
        if (random.nextInt(3) == 0) {
          String middle = pick(MIDDLES);
          String phone = pick(PHONES);
          LocalDate birthdate = random.nextBoolean() ? LocalDate.of(1990, 1, 1 + random.nextInt(28)) : null;
          host.people().edit(id, d -> d.toBuilder().middleName(middle).phone(PhoneType.MOBILE, phone).birthdate(birthdate).build());
          log.add("run " + run + ": host edits " + id + ": middle " + middle + ", mobile " + phone + ", birthdate " + birthdate);
        }
        Link link = state.linkByHost(ACCOUNT, id).orElse(null);
        if (link != null && pco.admin().person(link.pcoPersonId()).isPresent() && random.nextInt(3) == 0) {
          Map<PersonAttribute, String> edit = new EnumMap<>(PersonAttribute.class);
          edit.put(PersonAttribute.MIDDLE_NAME, pick(MIDDLES));
          edit.put(PersonAttribute.LAST_NAME, pick(LASTS));
          pco.admin().updatePerson(link.pcoPersonId(), edit);
          log.add("run " + run + ": PCO admin edits " + link.pcoPersonId() + " (host " + id + "): " + edit);
        }
      }
      clock.advance(Duration.ofMinutes(5));
    }

    /**
     * Wraps {@code target} so that, while faults are on, a share of the calls whose names start with
     * one of {@code prefixes} stop the process right before or right after the call (once a run).
     */
    private <T> T crashing(Class<T> type, T target, String side, String... prefixes) {
      InvocationHandler handler = (proxy, method, args) -> {
        boolean crashable = faultsOn && !crashedThisRun && java.util.Arrays.stream(prefixes).anyMatch(method.getName()::startsWith)
            && random.nextDouble() < faultRate / 3;
        String call = side + " " + method.getName() + (args == null || args.length == 0 ? "" : "(" + args[0] + ")");
        boolean after = crashable && random.nextBoolean();
        if (crashable && !after) {
          crashedThisRun = true;
          log.add("  fault: crash before " + call);
          throw new Crash("before " + call);
        }
        Object result;
        try {
          result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
        if (after) {
          crashedThisRun = true;
          log.add("  fault: crash after " + call);
          throw new Crash("after " + call);
        }
        return result;
      };
      return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private RunMode randomMode() {
      return random.nextBoolean() ? RunMode.FULL : RunMode.UPDATES_ONLY;
    }

    private static String email(int i) {
      return "p" + i + "@example.org";
    }

    String describe() {
      return "\n  replay: InMemoryFaultInjectionPropertyTest.replay(" + seed + "L)\n  " + String.join("\n  ", log);
    }

    private <T> T pick(T[] values) {
      return values[random.nextInt(values.length)];
    }
  }

  /** Injects a random fault into a share of the port's writes while faults are on. */
  private static final class FaultHandler implements InvocationHandler {
    private static final Set<String> WRITE_PREFIXES = Set.of("create", "update", "delete", "add", "set", "archive", "assign", "send");
    private final World world;

    FaultHandler(World world) {
      this.world = world;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      boolean write = WRITE_PREFIXES.stream().anyMatch(method.getName()::startsWith);
      if (!write || !world.faultsOn || world.random.nextDouble() >= world.faultRate) {
        return forward(method, args);
      }
      String call = method.getName() + (args == null || args.length == 0 ? "" : "(" + args[0] + ")");
      int kind = world.random.nextInt(world.crashedThisRun ? 3 : 5);
      switch (kind) {
        case 0 -> {
          world.log.add("  fault: 503 before " + call);
          throw new PcoUnavailableException("HTTP 503 (injected)", null);
        }
        case 1 -> {
          world.log.add("  fault: 422 on " + call);
          throw new PcoRejectedException(422, null, "is invalid (injected)");
        }
        case 2 -> {
          forward(method, args);
          world.log.add("  fault: response lost after " + call);
          throw new PcoOutcomeUnknownException("connection dropped after the request (injected)", null);
        }
        case 3 -> {
          world.crashedThisRun = true;
          world.log.add("  fault: crash before " + call);
          throw new Crash("before " + call);
        }
        default -> {
          forward(method, args);
          world.crashedThisRun = true;
          world.log.add("  fault: crash after " + call);
          throw new Crash("after " + call);
        }
      }
    }

    private Object forward(Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(world.pco, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
