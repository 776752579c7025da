package org.pcosync.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.pcosync.api.Gender;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonChanges;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.SyncField;
import org.pcosync.examples.host.SampleHostDatabase;
import org.pcosync.testkit.fake.FakePco;
import org.pcosync.testkit.fake.PersonSnapshot;
import org.pcosync.testkit.fake.ResourceSnapshot;

/**
 * The demo's data: an H2 host and (unless targeting the real PCO) a fake PCO, seeded so a first sync
 * shows every kind of outcome: people in both (linked), people only in the host (created),
 * near-duplicates (a new PCO person, as PCO's own docs expect), invalid records (reported), and
 * people in no sync group (left alone).
 */
final class DemoWorld {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final String[] FIRST = {
    "Olivia", "Liam", "Emma", "Noah", "Zoë", "José", "Mai", "Hiroshi", "Chloé", "Mateo", "Aaliyah", "Søren",
    "Grace", "Elijah", "Amara", "Lucas", "Ngozi", "Isabella", "Jamal", "Priya", "Björn", "Fatima", "Wei", "Sofía"};
  private static final String[] LAST = {
    "Johnson", "Okafor", "Nguyễn", "García", "Müller", "Smith", "Kowalski", "Haddad", "Silva", "O'Brien",
    "Tanaka", "Williams", "Brown", "Dubois", "Rossi", "Jensen", "Kim", "Patel", "Martínez", "Anderson"};
  private static final String[] STREETS = {"Main St", "Oak Ave", "Maple Dr", "Church Rd", "Elm St", "Hill Ln"};
  private static final String[] CITIES = {"Springfield", "Fairview", "Riverside", "Georgetown", "Salem"};

  final SampleHostDatabase db;
  final String welcomeTemplateId;
  /** Host id → PCO id of the people seeded in both. */
  final Map<Long, String> inBoth = new LinkedHashMap<>();
  final List<Long> hostOnly = new ArrayList<>();
  final List<Long> nearDuplicates = new ArrayList<>();
  final List<Long> invalid = new ArrayList<>();
  final List<Long> ungrouped = new ArrayList<>();
  long worshipTeam;
  long worshipMember = -1;
  int pcoPeople;

  private DemoWorld(SampleHostDatabase db, String welcomeTemplateId) {
    this.db = db;
    this.welcomeTemplateId = welcomeTemplateId;
  }

  /** Seeds a fake PCO and a host that overlap. */
  static DemoWorld seed(FakePco pco, int hostPeople, long seed, String accountId) {
    String template = pco.services().addEmailTemplate("welcome", "Welcome to Services", "<p>Welcome!</p>");
    String teams = pco.services().addTagGroup("Teams");
    String greeter = pco.services().addTag(teams, "Greeter");
    pco.services().addTag(teams, "Usher");
    String voices = pco.services().addTagGroup("Voices");
    String tenor = pco.services().addTag(voices, "Tenor");
    pco.services().addTag(voices, "Alto");

    DemoWorld w = new DemoWorld(newDatabase(), template);
    Random random = new Random(seed);
    int both = hostPeople / 2;
    List<String> pcoIds = pco.people().generatePeople(both + hostPeople / 6, seed);
    w.pcoPeople = pcoIds.size();
    for (int i = 0; i < 5 && i < pcoIds.size(); i++) {
      pco.services().addServicesPerson(pcoIds.get(i), i == 0 ? "Editor" : "Scheduled Viewer");
    }
    for (String pcoId : pcoIds.subList(0, Math.min(both, pcoIds.size()))) {
      PersonSnapshot p = pco.people().person(pcoId).orElseThrow();
      String email = primary(p.emails(), "address");
      if (p.firstName() == null || p.lastName() == null || email == null) {
        continue;
      }
      PersonData.Builder d = PersonData.builder().firstName(p.firstName()).lastName(p.lastName()).email(email);
      String mobile = primary(p.phoneNumbers(), "number");
      if (mobile != null) {
        d.phone(PhoneType.MOBILE, mobile);
      }
      w.inBoth.put(w.db.insertPerson(d.build()), pcoId);
    }
    // Near-duplicates: the same person with a new email, or a short name. PCO expects a duplicate
    // here (fixed by a merge in PCO); pco-sync never guesses.
    List<Long> bothIds = new ArrayList<>(w.inBoth.keySet());
    for (int i = 0; i < 3 && i < bothIds.size(); i++) {
      PersonData src = w.db.people().findById(Long.toString(bothIds.get(i))).orElseThrow().data();
      PersonData dup = i == 2
          ? src.toBuilder().firstName(src.firstName().substring(0, Math.min(3, src.firstName().length()))).build()
          : src.toBuilder().email("new." + i + "." + src.email()).build();
      w.nearDuplicates.add(w.db.insertPerson(dup));
    }
    // Invalid records: reported with the person and field, the rest of the sync goes on.
    w.invalid.add(w.db.insertPerson(PersonData.builder().firstName("Bad").lastName("Email")
        .email("bad.email@@example.org").build()));
    w.invalid.add(w.db.insertPerson(PersonData.builder().firstName("Short").lastName("Phone")
        .email("short.phone@example.org").phone(PhoneType.MOBILE, "555").build()));
    w.invalid.add(w.db.insertPerson(PersonData.builder().firstName("No").lastName("Email")
        .email("no email, ask at desk").build()));
    int remaining = hostPeople - w.inBoth.size() - w.nearDuplicates.size() - w.invalid.size();
    for (int i = 0; i < remaining; i++) {
      w.hostOnly.add(w.db.insertPerson(randomPerson(random, i)));
    }
    w.groupEveryone(random, accountId, greeter, tenor);
    return w;
  }

  /** Seeds only the host (for a dry run against the real PCO). */
  static DemoWorld hostOnly(int hostPeople, long seed, String accountId) {
    DemoWorld w = new DemoWorld(newDatabase(), null);
    Random random = new Random(seed);
    for (int i = 0; i < hostPeople; i++) {
      w.hostOnly.add(w.db.insertPerson(randomPerson(random, i)));
    }
    long group = w.db.insertGroup("Volunteers");
    w.db.syncGroup(group, accountId, null);
    w.hostOnly.forEach(id -> w.db.addMember(group, id));
    return w;
  }

  private static SampleHostDatabase newDatabase() {
    return SampleHostDatabase.inMemory("pcosync-demo-" + DATABASES.incrementAndGet(), Clock.systemUTC());
  }

  private void groupEveryone(Random random, String accountId, String greeterTag, String tenorTag) {
    worshipTeam = db.insertGroup("Worship Team");
    db.syncGroup(worshipTeam, accountId, PermissionLevel.EDITOR);
    long tech = db.insertGroup("Tech Team");
    db.syncGroup(tech, accountId, PermissionLevel.SCHEDULER);
    long greeters = db.insertGroup("Greeters");
    db.syncGroup(greeters, accountId, null, greeterTag);
    long volunteers = db.insertGroup("Volunteers");
    db.syncGroup(volunteers, accountId, null);

    List<Long> everyone = new ArrayList<>(inBoth.keySet());
    everyone.addAll(nearDuplicates);
    everyone.addAll(invalid);
    everyone.addAll(hostOnly);
    for (int i = 0; i < everyone.size(); i++) {
      long id = everyone.get(i);
      if (i % 10 == 9 && !invalid.contains(id)) {
        ungrouped.add(id);
        continue;
      }
      if (i % 25 == 1) {
        db.addMember(worshipTeam, id);
        worshipMember = worshipMember < 0 && inBoth.containsKey(id) ? id : worshipMember;
      } else if (i % 12 == 2) {
        db.addMember(tech, id);
      } else if (i % 7 == 3) {
        db.addMember(greeters, id);
      } else {
        db.addMember(volunteers, id);
      }
      if (i % 31 == 4) {
        db.selectTags(id, accountId, Set.of(tenorTag));
      }
    }
  }

  private static PersonData randomPerson(Random r, int i) {
    String first = FIRST[r.nextInt(FIRST.length)];
    String last = LAST[r.nextInt(LAST.length)];
    String local = ascii(first) + "." + ascii(last) + "." + i;
    PersonData.Builder b = PersonData.builder()
        .firstName(first).lastName(last)
        .email(local + "@example.org")
        .gender(r.nextBoolean() ? Gender.FEMALE : Gender.MALE)
        .birthdate(LocalDate.of(1940 + r.nextInt(65), 1 + r.nextInt(12), 1 + r.nextInt(28)))
        .phone(PhoneType.MOBILE, String.format("(555) %03d-%04d", r.nextInt(1000), r.nextInt(10000)));
    if (r.nextInt(3) > 0) {
      b.homeAddress(PostalAddress.of((100 + r.nextInt(900)) + " " + STREETS[r.nextInt(STREETS.length)], null,
          CITIES[r.nextInt(CITIES.length)], "IL", String.format("6%04d", r.nextInt(10000))));
    }
    return b.build();
  }

  private static String ascii(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT);
  }

  private static String primary(List<ResourceSnapshot> entries, String attribute) {
    String first = null;
    for (ResourceSnapshot e : entries) {
      String v = e.attribute(attribute).orElse(null);
      if ("true".equals(e.attribute("primary").orElse(null))) {
        return v;
      }
      first = first == null ? v : first;
    }
    return first;
  }

  String describe() {
    return pcoPeople + " people in PCO; " + (inBoth.size() + nearDuplicates.size() + invalid.size() + hostOnly.size())
        + " in the host: " + inBoth.size() + " also in PCO, " + hostOnly.size() + " only in the host, "
        + nearDuplicates.size() + " near-duplicates, " + invalid.size() + " invalid, " + ungrouped.size()
        + " in no sync group";
  }

  /** Edits a few records on each side between runs, and says what it did. */
  void editBothSides(FakePco pco, PrintStream out) {
    List<Long> ids = new ArrayList<>(inBoth.keySet());
    for (int i = 5; i < 8 && i < ids.size(); i++) {
      String id = Long.toString(ids.get(i));
      db.people().update(id, new PersonChanges(Set.of(SyncField.MOBILE_PHONE),
          PersonData.builder().phone(PhoneType.MOBILE, "(555) 010-" + (1000 + i)).build()));
      out.println("  host: person " + id + " has a new mobile phone");
    }
    for (int i = 10; i < 12 && i < ids.size(); i++) {
      String pcoId = inBoth.get(ids.get(i));
      pco.people().updatePerson(pcoId, Map.of("birthdate", "1990-0" + (i - 7) + "-15"));
      out.println("  PCO: person " + pcoId + " got a birthdate");
    }
    if (ids.size() > 14) {
      long id = ids.get(14);
      db.people().update(Long.toString(id), new PersonChanges(Set.of(SyncField.LAST_NAME),
          PersonData.builder().lastName("Hostside").build()));
      pco.people().updatePerson(inBoth.get(id), Map.of("last_name", "Pcoside"));
      out.println("  both: person " + id + "'s last name changed on each side (a conflict: the host wins)");
    }
    if (worshipMember > 0) {
      db.deactivateMember(worshipTeam, worshipMember);
      out.println("  host: person " + worshipMember + " left the Worship Team (downgrade is off: stays Editor)");
    }
  }
}
