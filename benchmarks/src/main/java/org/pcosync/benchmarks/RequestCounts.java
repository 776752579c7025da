package org.pcosync.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PhoneType;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.RunMode;
import org.pcosync.core.PcoSync;
import org.pcosync.core.SyncReport;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.fake.AddressSeed;
import org.pcosync.testkit.fake.FakePco;
import org.pcosync.testkit.fake.PersonSeed;
import org.pcosync.testkit.fake.RecordedRequest;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/**
 * Counts the PCO requests of a sync against the testkit's {@link FakePco} (real HTTP on loopback,
 * the real client, rate limit off, virtual clock): a first sync of {@code n} host people of whom
 * every second already exists in PCO People (not yet in Services), then a steady-state full run, a
 * steady-state updates-only run, an updates-only run after 5 host edits and one after 5 PCO edits.
 * Request counts depend on data, not on timing, so they are the same on every machine.
 *
 * <p>Not thread-safe; each call starts and stops its own fake.
 */
final class RequestCounts {

  /** How many people each "after 5 edits" run follows. */
  static final int EDITS = 5;

  /**
   * One run's requests.
   *
   * @param run what ran
   * @param people host people in the sync set
   * @param reads GET requests
   * @param writes POST, PATCH and DELETE requests
   * @param wallMillis wall time of the run (loopback HTTP; informational only)
   * @param summary the run's report summary
   * @param byEndpoint request count by method and path, ids replaced by {@code {id}}
   */
  record Row(String run, int people, long reads, long writes, long wallMillis, String summary,
      Map<String, Long> byEndpoint) {

    long requests() {
      return reads + writes;
    }

    String format() {
      return String.format("| %-40s | %,6d | %,6d | %,6d | %,6d | %6.3f | %,8d |", run, people, reads, writes, requests(),
          (double) requests() / people, wallMillis);
    }
  }

  static final String HEADER =
      "| run                                      | people |  reads | writes |  total | per person | ms (wall) |";

  private RequestCounts() {}

  /** Runs the five syncs over {@code n} host people (n even, at least 20) and returns one row per run. */
  static List<Row> measure(int n) {
    if (n < 20 || n % 2 != 0) {
      throw new IllegalArgumentException("n must be even and at least 20, was " + n);
    }
    MutableClock clock = MutableClock.create();
    try (FakePco pco = FakePco.builder().clock(clock).credentials("bench", "bench").noRateLimit().build().start()) {
      pco.people().setMeId(pco.people().addPerson(PersonSeed.of("Sam", "Admin")));
      List<String> pcoIds = new ArrayList<>();
      for (int i = 1; i <= n; i += 2) {
        pcoIds.add(pco.people().addPerson(seed(i)));
      }
      InMemoryHost host = InMemoryHost.of(Church.hostFixture(n, World.ACCOUNT), clock);
      PcoAccount account = PcoAccount.builder(World.ACCOUNT)
          .credentials(PcoCredentials.personalAccessToken("bench", "bench"))
          .baseUrl(URI.create(pco.baseUrl()))
          .build();
      PcoSync sync = PcoSync.builder().account(account)
          .people(host.people()).groups(host.groups()).tags(host.tags()).state(new InMemorySyncStateStore())
          .clock(clock).sleeper(clock::advance)
          .build();
      List<Row> rows = new ArrayList<>();
      pco.clearRequests();
      rows.add(run("first sync (" + n / 2 + " in PCO, " + n / 2 + " new)", n, sync, RunMode.FULL, pco));
      clock.advance(Duration.ofHours(1));
      rows.add(run("steady state, full", n, sync, RunMode.FULL, pco));
      clock.advance(Duration.ofHours(1));
      rows.add(run("steady state, updates-only", n, sync, RunMode.UPDATES_ONLY, pco));
      clock.advance(Duration.ofHours(1));
      for (int k = 0; k < EDITS; k++) {
        int person = 1 + k * (n / EDITS);
        host.people().edit(Church.hostId(person), d -> d.toBuilder()
            .phone(PhoneType.MOBILE, Church.editedMobile(person)).build());
      }
      rows.add(run("updates-only after " + EDITS + " host edits", n, sync, RunMode.UPDATES_ONLY, pco));
      clock.advance(Duration.ofHours(1));
      for (int k = 0; k < EDITS; k++) {
        int person = 1 + 2 * k; // odd people were in PCO before the first sync
        pco.people().updatePerson(pcoIds.get(k), Map.of("birthdate", Church.birthdate(person).plusDays(1).toString()));
      }
      rows.add(run("updates-only after " + EDITS + " PCO edits", n, sync, RunMode.UPDATES_ONLY, pco));
      return rows;
    }
  }

  private static Row run(String name, int n, PcoSync sync, RunMode mode, FakePco pco) {
    pco.clearRequests();
    long t0 = System.nanoTime();
    SyncReport report = sync.run(mode);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    if (report.isHeld() || !report.isClean()) {
      throw new IllegalStateException(name + ": " + report);
    }
    List<RecordedRequest> requests = pco.requests();
    long writes = requests.stream().filter(RecordedRequest::isWrite).count();
    Map<String, Long> byEndpoint = new java.util.TreeMap<>();
    requests.forEach(r -> byEndpoint.merge(r.method() + " " + r.path().replaceAll("/\\d+", "/{id}"), 1L, Long::sum));
    return new Row(name, n, requests.size() - writes, writes, millis, report.summary(), byEndpoint);
  }

  /** Person {@code i} as PCO holds them before the first sync: People only, not in Services. */
  private static PersonSeed seed(int i) {
    PersonSeed.Builder b = PersonSeed.builder(Church.firstName(i), Church.lastName(i))
        .email(Church.email(i))
        .phone(Church.mobile(i), "Mobile")
        .birthdate(Church.birthdate(i))
        .gender(Church.gender(i).pcoValue());
    PostalAddress a = Church.address(i);
    if (a != null) {
      b.address(AddressSeed.home(a.streetLine1(), a.city(), a.state(), a.zip()));
    }
    return b.build();
  }
}
