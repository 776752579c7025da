package org.pcosync.testkit.fake.internal;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.pcosync.testkit.fake.AddressSeed;
import org.pcosync.testkit.fake.EmailSeed;
import org.pcosync.testkit.fake.PersonSeed;
import org.pcosync.testkit.fake.PhoneSeed;

/**
 * Realistic, reproducible people: unicode names, emails, phones, addresses; about one in eight is a
 * spouse sharing the previous person's last name, address and email; about one in twenty is a
 * near-duplicate of an earlier person (nickname or different case, new email).
 *
 * <p>Stateless; thread-safe.
 */
public final class PeopleGenerator {
  private static final String[] FIRST = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael",
      "Linda", "William", "Elizabeth", "David", "Barbara", "Zoë", "José", "María", "Chloé", "Søren", "Anaïs",
      "Björn", "Zoltán", "Siobhán", "Renée", "François", "Mateo", "Aisha", "Wei", "Priya", "Olusegun", "Hana",
      "Kateřina", "Łukasz", "Ngozi", "Minh", "Thanh", "Grace", "Samuel", "Ruth", "Daniel", "Esther", "Joshua"};
  private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "García", "Miller",
      "Davis", "Rodríguez", "Martínez", "Nguyễn", "Trần", "Müller", "Schröder", "O'Brien", "Ødegaard", "Kowalski",
      "Dvořák", "Pérez", "Okafor", "Kim", "Lee", "Chen", "Patel", "Haddad", "Van der Berg", "Fernández", "Núñez",
      "Łopez", "Çelik"};
  private static final String[][] NICKNAMES = {{"James", "Jim"}, {"Robert", "Bob"}, {"William", "Bill"},
      {"Elizabeth", "Liz"}, {"Michael", "Mike"}, {"Patricia", "Pat"}, {"David", "Dave"}, {"Jennifer", "Jen"},
      {"Samuel", "Sam"}, {"Daniel", "Dan"}, {"Joshua", "Josh"}, {"Barbara", "Barb"}};
  private static final String[] STREETS = {"Main St", "Oak Ave", "Maple Dr", "Church Rd", "Cedar Ln",
      "Elm St", "Park Blvd", "Hillcrest Way", "Sunset Ave", "River Rd"};
  private static final String[][] CITIES = {{"Seattle", "WA", "981"}, {"Austin", "TX", "787"},
      {"Boston", "MA", "021"}, {"Denver", "CO", "802"}, {"Nashville", "TN", "372"}, {"Portland", "OR", "972"}};
  private static final String[] DOMAINS = {"example.com", "example.org", "mail.example.net", "church.example"};

  private PeopleGenerator() {}

  public static List<PersonSeed> generate(int n, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("n < 0: " + n);
    }
    Random r = new Random(seed);
    List<PersonSeed> out = new ArrayList<>(n);
    Instant base = Instant.parse("2019-01-01T12:00:00Z");
    for (int i = 0; i < n; i++) {
      Instant created = base.plusSeconds(3600L * 24 * i + r.nextInt(3600));
      PersonSeed prev = out.isEmpty() ? null : out.get(out.size() - 1);
      int kind = r.nextInt(40);
      PersonSeed p;
      if (prev != null && kind < 5) {
        p = spouse(r, prev, created);
      } else if (!out.isEmpty() && kind < 7) {
        p = nearDuplicate(r, out.get(r.nextInt(out.size())), created, i);
      } else {
        p = fresh(r, created, i);
      }
      out.add(p);
    }
    return out;
  }

  private static PersonSeed fresh(Random r, Instant created, int i) {
    String first = pick(r, FIRST);
    String last = pick(r, LAST);
    PersonSeed.Builder b = PersonSeed.builder(first, last).createdAt(created);
    b.email(new EmailSeed(emailOf(first, last, i, r), "Home", true));
    if (r.nextInt(4) == 0) {
      b.email(new EmailSeed(ascii(first).toLowerCase(Locale.ROOT) + i + "@work.example.com", "Work", false));
    }
    if (r.nextInt(5) > 0) {
      b.phone(new PhoneSeed(phone(r), r.nextBoolean() ? "Mobile" : "Home", true));
    }
    if (r.nextInt(3) > 0) {
      b.address(address(r));
    }
    if (r.nextInt(3) == 0) {
      b.birthdate(LocalDate.of(1940 + r.nextInt(70), 1 + r.nextInt(12), 1 + r.nextInt(28)));
    }
    if (r.nextInt(4) == 0) {
      b.gender(r.nextBoolean() ? "Male" : "Female");
    }
    return b.build();
  }

  private static PersonSeed spouse(Random r, PersonSeed prev, Instant created) {
    String first = pick(r, FIRST);
    PersonSeed.Builder b = PersonSeed.builder(first, prev.lastName()).createdAt(created);
    if (!prev.emails().isEmpty()) {
      b.email(new EmailSeed(prev.emails().get(0).address(), "Home", true));
    }
    if (!prev.addresses().isEmpty()) {
      b.address(prev.addresses().get(0));
    }
    b.phone(new PhoneSeed(phone(r), "Mobile", true));
    return b.build();
  }

  private static PersonSeed nearDuplicate(Random r, PersonSeed orig, Instant created, int i) {
    String first = orig.firstName();
    for (String[] pair : NICKNAMES) {
      if (pair[0].equals(first)) {
        first = pair[1];
        break;
      }
    }
    if (first.equals(orig.firstName())) {
      first = first.toUpperCase(Locale.ROOT);
    }
    PersonSeed.Builder b = PersonSeed.builder(first, orig.lastName()).createdAt(created);
    b.email(new EmailSeed(emailOf(first, orig.lastName(), i, r), "Home", true));
    if (!orig.phones().isEmpty() && r.nextBoolean()) {
      b.phone(orig.phones().get(0));
    }
    return b.build();
  }

  private static String emailOf(String first, String last, int i, Random r) {
    String local = (ascii(first) + "." + ascii(last)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
    return local + (i % 3 == 0 ? "" : Integer.toString(i)) + "@" + pick(r, DOMAINS);
  }

  private static String phone(Random r) {
    int area = 200 + r.nextInt(700);
    int mid = 200 + r.nextInt(700);
    int end = r.nextInt(10000);
    switch (r.nextInt(3)) {
      case 0:
        return String.format(Locale.ROOT, "(%03d) %03d-%04d", area, mid, end);
      case 1:
        return String.format(Locale.ROOT, "%03d.%03d.%04d", area, mid, end);
      default:
        return String.format(Locale.ROOT, "+1 %03d %03d %04d", area, mid, end);
    }
  }

  private static AddressSeed address(Random r) {
    String[] city = CITIES[r.nextInt(CITIES.length)];
    String line2 = r.nextInt(5) == 0 ? "Apt " + (1 + r.nextInt(40)) : null;
    return new AddressSeed((100 + r.nextInt(9900)) + " " + pick(r, STREETS), line2, city[0], city[1],
        city[2] + String.format(Locale.ROOT, "%02d", r.nextInt(100)), "US", "Home", true);
  }

  static String ascii(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return d.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("'", "").replace(" ", "");
  }

  private static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }
}
