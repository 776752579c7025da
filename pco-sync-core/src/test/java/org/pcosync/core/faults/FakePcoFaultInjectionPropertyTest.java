package org.pcosync.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcosync.api.HostPerson;
import org.pcosync.api.Link;
import org.pcosync.api.NameMapping;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.SyncGroup;
import org.pcosync.client.PcoClient;
import org.pcosync.core.PcoSync;
import org.pcosync.core.SyncFailure;
import org.pcosync.core.SyncReport;
import org.pcosync.core.internal.Fields;
import org.pcosync.core.port.ClientPcoPort;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PortPerson;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.fake.FakePco;
import org.pcosync.testkit.fake.Faults;
import org.pcosync.testkit.fake.PersonSeed;
import org.pcosync.testkit.fake.PersonSnapshot;
import org.pcosync.testkit.fake.RecordedRequest;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/**
 * The fault-injection property end to end over HTTP: a small random population (some people
 * already in the fake PCO, some not, two permission levels) is synced through {@value #FAULTY_RUNS}
 * runs with random edits on both sides and random HTTP faults from {@link FakePco#faults()}: 500,
 * 502 and 503 answers (once, or on every person PATCH of a run), 429 storms, connections dropped
 * after PCO applied a person, contact or person_apps POST or a person or contact PATCH, and
 * truncated and malformed bodies. Then clean runs follow until one writes nothing. Checked on the
 * fake's own state and request log: (a) at most one PCO person per host person (by name, email and
 * links), (b) every host person linked to exactly one PCO person whose synced fields agree with the
 * host's unless the last report names a failure for that person, (c) the last clean run sends no
 * POST, PATCH or DELETE (within {@value #MAX_CLEAN_RUNS} clean runs) and (d) no link points at a
 * missing PCO person. A failing seed prints the seed and the faults armed in each run, each with
 * how many requests it matched.
 */
final class FakePcoFaultInjectionPropertyTest {
  private static final long[] SEEDS = {1, 2, 3, 4, 5};
  private static final int PEOPLE = 12;
  private static final int FAULTY_RUNS = 3;
  private static final int MAX_CLEAN_RUNS = 5;
  private static final String ACCOUNT = "a";
  private static final NameMapping MAPPING = NameMapping.LEGAL_TO_GIVEN_NICK_TO_FIRST;
  private static final String[] MIDDLES = {null, "Ann", "Bo", "Cy"};
  private static final String[] LASTS = {"Decker", "Marble", "Simmons"};
  private static final String[] PHONES = {null, "555-010-1001", "(555) 010-1002", "+1 555 010 1003"};
  private static final String PEOPLE_PATH = "/people/v2/people";
  private static final String PERSON_PATH = "/people/v2/people/\\d+";
  private static final String PERSON_APPS_PATH = "/people/v2/people/\\d+/person_apps";
  private static final String SERVICES_PERSON_PATH = "/services/v2/people/\\d+";
  private static final String CONTACT_PATCH_PATH = "/people/v2/(emails|phone_numbers|addresses)/\\d+";
  private static final String CONTACT_POST_PATH = "/people/v2/people/\\d+/(emails|phone_numbers|addresses)";

  @Test
  void randomHttpFaultsNeverDuplicateOrLosePeopleAndCleanRunsConvergeToZeroWrites() {
    for (long seed : SEEDS) {
      replay(seed);
    }
  }

  /** Runs one seed; on failure the assertion message holds the seed and the armed faults. */
  static void replay(long seed) {
    Random random = new Random(seed);
    List<String> log = new ArrayList<>();
    MutableClock clock = MutableClock.create();
    try (FakePco pco = FakePco.builder().clock(clock).credentials("app", "secret").noRateLimit().build().start()) {
      pco.people().setMeId(pco.people().addPerson(PersonSeed.of("Sam", "Admin")));
      HostFixture.Builder fixture = HostFixture.builder();
      String[] ids = new String[PEOPLE];
      List<String> viewers = new ArrayList<>();
      List<String> editors = new ArrayList<>();
      for (int i = 0; i < PEOPLE; i++) {
        ids[i] = Integer.toString(i + 1);
        String last = pick(random, LASTS);
        fixture.person(ids[i], PersonData.builder().firstName("P" + i).lastName(last).middleName(pick(random, MIDDLES))
            .email(email(i)).phone(PhoneType.MOBILE, pick(random, PHONES)).build());
        if (random.nextBoolean()) {
          String id = pco.people().addPerson(PersonSeed.builder("P" + i, last).email(email(i)).build());
          log.add("person " + ids[i] + " already in PCO as " + id);
        }
        (random.nextBoolean() ? viewers : editors).add(ids[i]);
      }
      fixture.group(ACCOUNT, SyncGroup.permissionGroup("viewers", "Viewers", PermissionLevel.VIEWER), viewers.toArray(String[]::new));
      fixture.group(ACCOUNT, SyncGroup.permissionGroup("editors", "Editors", PermissionLevel.EDITOR), editors.toArray(String[]::new));
      log.add("viewers " + viewers + ", editors " + editors);
      InMemoryHost host = InMemoryHost.of(fixture.build(), clock);
      InMemorySyncStateStore state = new InMemorySyncStateStore();
      PcoPort port = new ClientPcoPort(PcoClient.builder().baseUrl(pco.baseUrl()).uploadBaseUrl(pco.uploadBaseUrl())
          .personalAccessToken("app", "secret").clock(clock).sleeper(clock::advance).jitterSeed(seed).build());
      PcoSync sync = PcoSync.builder()
          .account(PcoAccount.builder(ACCOUNT).credentials(PcoCredentials.personalAccessToken("app", "secret"))
              .baseUrl(java.net.URI.create(pco.baseUrl())).stoppagePercentage(100).build())
          .people(host.people()).groups(host.groups()).tags(host.tags()).state(state).clock(clock).port(port).build();

      for (int run = 1; run <= FAULTY_RUNS; run++) {
        editBothSides(random, run, ids, host, pco, state, log);
        Map<String, Faults.FaultRule> armed = new java.util.LinkedHashMap<>();
        for (int f = 0; f < 3; f++) {
          armRandomFault(random, pco, armed);
        }
        try {
          log.add("run " + run + ": " + sync.run().summary());
        } catch (RuntimeException e) {
          log.add("run " + run + ": failed (" + e + ")");
        } finally {
          int r = run;
          armed.forEach((what, rule) -> log.add("run " + r + ": fault " + what + ", matched " + rule.hits() + " requests"));
          pco.faults().clear();
        }
        clock.advance(Duration.ofHours(1)); // past any lease a failed run left
      }
      SyncReport last = null;
      boolean quiet = false;
      for (int run = 1; run <= MAX_CLEAN_RUNS && !quiet; run++) {
        pco.clearRequests();
        last = sync.run();
        List<String> writes = pco.requests().stream().filter(RecordedRequest::isWrite)
            .map(r -> r.method() + " " + r.path()).toList();
        log.add("clean run " + run + ": " + last.summary() + " writes " + writes);
        quiet = writes.isEmpty();
        clock.advance(Duration.ofMinutes(10));
      }
      String replay = "\n  replay: FakePcoFaultInjectionPropertyTest.replay(" + seed + "L)\n  " + String.join("\n  ", log);

      assertThat(quiet).as("(c) a clean run sends no POST, PATCH or DELETE within %d clean runs%s", MAX_CLEAN_RUNS, replay).isTrue();
      List<Link> links = state.links(ACCOUNT);
      for (Link link : links) {
        assertThat(pco.people().person(link.pcoPersonId())).as("(d) link %s points at an existing PCO person%s", link, replay)
            .isPresent();
      }
      assertThat(links.stream().map(Link::pcoPersonId).distinct().count())
          .as("(a) no PCO person linked twice: %s%s", links, replay).isEqualTo(links.size());
      Set<String> failed = last.failures().stream().map(SyncFailure::hostPersonId).collect(Collectors.toSet());
      for (int i = 0; i < PEOPLE; i++) {
        String name = "P" + i;
        List<String> byName = pco.people().all().stream().filter(p -> name.equalsIgnoreCase(p.firstName())
            || name.equalsIgnoreCase(p.attribute("given_name").orElse(null))).map(PersonSnapshot::id).toList();
        List<String> byEmail = pco.people().idsByEmail(email(i));
        assertThat(byName).as("(a) PCO people named %s%s", name, replay).hasSizeLessThanOrEqualTo(1);
        assertThat(byEmail).as("(a) PCO people with %s%s", email(i), replay).hasSizeLessThanOrEqualTo(1);
        Link link = state.linkByHost(ACCOUNT, ids[i]).orElse(null);
        if (link == null) {
          assertThat(failed).as("(b) host person %s is unlinked and not reported in %s%s", ids[i], last.failures(), replay)
              .contains(ids[i]);
          continue;
        }
        assertThat(byName).as("(b) host person %s linked to its one PCO person%s", ids[i], replay).containsExactly(link.pcoPersonId());
        assertThat(byEmail).as("(b) host person %s linked to the PCO person with its email%s", ids[i], replay)
            .containsExactly(link.pcoPersonId());
        if (!failed.contains(ids[i])) {
          HostPerson h = host.people().findById(ids[i]).orElseThrow();
          PortPerson p = port.person(link.pcoPersonId()).orElseThrow();
          assertThat(Fields.pco(p, MAPPING).side().snapshot()).as("(b) synced fields of host person %s%s", ids[i], replay)
              .isEqualTo(Fields.host(h, MAPPING).snapshot());
        }
      }
    }
  }

  private static void armRandomFault(Random random, FakePco pco, Map<String, Faults.FaultRule> armed) {
    int k = 1 + random.nextInt(4);
    int status = new int[] {500, 502, 503}[random.nextInt(3)];
    switch (random.nextInt(13)) {
      case 0 -> {
        armed.put("POST " + PEOPLE_PATH + " #" + k + ": connection dropped after apply",
            pco.faults().on("POST", PEOPLE_PATH).nth(k).dropConnectionAfterApply());
      }
      case 1 -> {
        armed.put("POST " + CONTACT_POST_PATH + " #" + k + ": connection dropped after apply",
            pco.faults().on("POST", CONTACT_POST_PATH).nth(k).dropConnectionAfterApply());
      }
      case 2 -> {
        armed.put("POST " + PEOPLE_PATH + " #" + k + ": " + status,
            pco.faults().on("POST", PEOPLE_PATH).nth(k).respond(status));
      }
      case 3 -> {
        armed.put("PATCH " + PERSON_PATH + " #" + k + ": " + status,
            pco.faults().on("PATCH", PERSON_PATH).nth(k).respond(status));
      }
      case 4 -> {
        armed.put("any request #" + k * 3 + ": 429 storm of 3",
            pco.faults().on("*", ".*").nth(k * 3).storm429(3));
      }
      case 5 -> {
        armed.put("GET people #" + k + ": truncated body",
            pco.faults().on("GET", "/people/v2/people.*").nth(k).truncateBody());
      }
      case 6 -> {
        armed.put("GET people #" + k + ": malformed body",
            pco.faults().on("GET", "/people/v2/people.*").nth(k).malformedBody());
      }
      case 7 -> {
        armed.put("PATCH " + PERSON_PATH + " #" + k + ": connection dropped after apply",
            pco.faults().on("PATCH", PERSON_PATH).nth(k).dropConnectionAfterApply());
      }
      case 8 -> {
        armed.put("POST " + PERSON_APPS_PATH + " #" + k + ": connection dropped after apply",
            pco.faults().on("POST", PERSON_APPS_PATH).nth(k).dropConnectionAfterApply());
      }
      case 9 -> {
        armed.put("PATCH " + SERVICES_PERSON_PATH + " #" + k + ": " + status,
            pco.faults().on("PATCH", SERVICES_PERSON_PATH).nth(k).respond(status));
      }
      case 10 -> {
        armed.put("PATCH " + CONTACT_PATCH_PATH + " #" + k + ": connection dropped after apply",
            pco.faults().on("PATCH", CONTACT_PATCH_PATH).nth(k).dropConnectionAfterApply());
      }
      case 11 -> {
        armed.put("every PATCH " + PERSON_PATH + " this run: " + status,
            pco.faults().on("PATCH", PERSON_PATH).always().respond(status));
      }
      default -> {
        armed.put("POST " + CONTACT_POST_PATH + " #" + k + ": " + status,
            pco.faults().on("POST", CONTACT_POST_PATH).nth(k).respond(status));
      }
    }
  }

  private static void editBothSides(Random random, int run, String[] ids, InMemoryHost host, FakePco pco,
      InMemorySyncStateStore state, List<String> log) {
    for (String id : ids) {
      if (random.nextInt(3) == 0) {
        String middle = pick(random, MIDDLES);
        String phone = pick(random, PHONES);
        LocalDate birthdate = random.nextBoolean() ? LocalDate.of(1990, 1, 1 + random.nextInt(28)) : null;
        host.people().edit(id, d -> d.toBuilder().middleName(middle).phone(PhoneType.MOBILE, phone).birthdate(birthdate).build());
        log.add("run " + run + ": host edits " + id + ": middle " + middle + ", mobile " + phone + ", birthdate " + birthdate);
      }
      Link link = state.linkByHost(ACCOUNT, id).orElse(null);
      if (link != null && pco.people().person(link.pcoPersonId()).isPresent() && random.nextInt(3) == 0) {
        Map<String, Object> edit = new HashMap<>();
        edit.put("middle_name", pick(random, MIDDLES));
        edit.put("last_name", pick(random, LASTS));
        pco.people().updatePerson(link.pcoPersonId(), edit);
        log.add("run " + run + ": PCO admin edits " + link.pcoPersonId() + " (host " + id + "): " + edit);
      }
    }
  }

  private static String email(int i) {
    return "p" + i + "@example.org";
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
