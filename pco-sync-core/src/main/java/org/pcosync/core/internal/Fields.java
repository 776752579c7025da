package org.pcosync.core.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.pcosync.api.FieldSnapshot;
import org.pcosync.api.Gender;
import org.pcosync.api.HostPerson;
import org.pcosync.api.InvalidValueException;
import org.pcosync.api.NameMapping;
import org.pcosync.api.Normalize;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.SyncField;
import org.pcosync.core.port.PersonAttribute;
import org.pcosync.core.port.PortAddress;
import org.pcosync.core.port.PortEmail;
import org.pcosync.core.port.PortPerson;
import org.pcosync.core.port.PortPhone;

/**
 * The field codec: one canonical, normalised snapshot per side (names trimmed in NFC, emails lower
 * case, phones as digits, dates ISO, addresses by comparison key, photos by content hash), the
 * typed values that get written, and the PCO attribute each field maps to. Pure; thread-safe.
 */
public final class Fields {

  /** The person-data fields, in diff order. */
  public static final List<SyncField> PERSON_FIELDS = List.of(
      SyncField.FIRST_NAME, SyncField.NICKNAME, SyncField.MIDDLE_NAME, SyncField.LAST_NAME, SyncField.GENDER,
      SyncField.BIRTHDATE, SyncField.ANNIVERSARY, SyncField.EMAIL, SyncField.HOME_PHONE, SyncField.WORK_PHONE,
      SyncField.MOBILE_PHONE, SyncField.HOME_ADDRESS);

  /** The fields written as People person attributes (one PATCH). */
  public static final Set<SyncField> ATTRIBUTE_FIELDS = Set.of(
      SyncField.FIRST_NAME, SyncField.NICKNAME, SyncField.MIDDLE_NAME, SyncField.LAST_NAME, SyncField.GENDER,
      SyncField.BIRTHDATE, SyncField.ANNIVERSARY);

  private Fields() {}

  /**
   * One side's state of a person.
   *
   * @param snapshot normalised values of the valid fields
   * @param values typed values ({@link PersonData#get} types) of the valid fields, for writing
   * @param invalid field → why its value was not accepted
   */
  public record Side(FieldSnapshot snapshot, Map<SyncField, Object> values, Map<SyncField, String> invalid) {}

  /**
   * PCO's side of a person: the snapshot plus the ids of the entries the contact fields map to.
   *
   * @param side the values
   * @param entryIds contact field → the PCO entry it maps to (primary email, primary-else-oldest
   *     phone per location, home address)
   * @param emailIds normalised address → email id, for every email of the person
   */
  public record PcoSide(Side side, Map<SyncField, String> entryIds, Map<String, String> emailIds) {}

  /** Returns the PCO attribute a name/person field maps to under the name mapping. */
  public static PersonAttribute attribute(SyncField f, NameMapping mapping) {
    switch (f) {
      case FIRST_NAME:
        return mapping == NameMapping.LEGAL_TO_GIVEN_NICK_TO_FIRST ? PersonAttribute.GIVEN_NAME : PersonAttribute.FIRST_NAME;
      case NICKNAME:
        return mapping == NameMapping.LEGAL_TO_GIVEN_NICK_TO_FIRST ? PersonAttribute.FIRST_NAME : PersonAttribute.NICKNAME;
      case MIDDLE_NAME:
        return PersonAttribute.MIDDLE_NAME;
      case LAST_NAME:
        return PersonAttribute.LAST_NAME;
      case GENDER:
        return PersonAttribute.GENDER;
      case BIRTHDATE:
        return PersonAttribute.BIRTHDATE;
      case ANNIVERSARY:
        return PersonAttribute.ANNIVERSARY;
      default:
        throw new IllegalArgumentException(f + " is not a person attribute");
    }
  }

  /** Returns the field a PCO attribute name belongs to under the mapping, or {@code null}. */
  public static SyncField fieldOfApiName(String apiName, NameMapping mapping) {
    PersonAttribute a = PersonAttribute.fromApiName(apiName);
    if (a == null) {
      switch (apiName == null ? "" : apiName) {
        case "address":
          return SyncField.EMAIL;
        default:
          return null;
      }
    }
    for (SyncField f : ATTRIBUTE_FIELDS) {
      if (attribute(f, mapping) == a) {
        return f;
      }
    }
    return null;
  }

  /** Returns the text PCO takes for a typed value of an attribute field ({@code null} clears). */
  public static String pcoText(SyncField f, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Gender g) {
      return g.pcoValue();
    }
    return value.toString();
  }

  /** Returns the normalised form of a typed value. */
  public static String normalise(SyncField f, Object value) {
    if (value == null) {
      return null;
    }
    switch (f) {
      case EMAIL:
        return Normalize.email((String) value);
      case HOME_PHONE:
      case WORK_PHONE:
      case MOBILE_PHONE:
        return Normalize.phoneDigits((String) value);
      case HOME_ADDRESS:
        return ((PostalAddress) value).comparisonKey();
      case GENDER:
        return value == Gender.UNKNOWN ? null : ((Gender) value).name();
      case BIRTHDATE:
      case ANNIVERSARY:
        return value.toString();
      default:
        return Normalize.text(value.toString());
    }
  }

  /** Returns the host side of a person; malformed emails and phones are listed as invalid. */
  public static Side host(HostPerson person, NameMapping mapping) {
    PersonData d = person.data();
    Map<SyncField, Object> values = new EnumMap<>(SyncField.class);
    Map<SyncField, String> invalid = null; // usually stays empty: created on the first entry
    Map<SyncField, String> snap = new EnumMap<>(SyncField.class);
    for (SyncField f : PERSON_FIELDS) {
      Object v = d.get(f);
      if (f == SyncField.NICKNAME && mapping == NameMapping.LEGAL_TO_GIVEN_NICK_TO_FIRST && v == null) {
        v = d.firstName(); // PCO's first_name is the name people go by: the legal name when there is no nickname
      }
      if (v == null) {
        continue;
      }
      if (f == SyncField.EMAIL && !Normalize.isValidEmail((String) v)) {
        invalid = invalid(invalid);
        invalid.put(f, "malformed email address");
        continue;
      }
      String n;
      if (f.phoneType() != null) {
        n = Normalize.phoneDigits((String) v); // isValidPhone's digits, computed once
        if (n == null || n.length() < 7 || n.length() > 15) {
          invalid = invalid(invalid);
          invalid.put(f, "malformed phone number (needs 7 to 15 digits)");
          continue;
        }
      } else {
        n = normalise(f, v);
      }
      values.put(f, v);
      snap.put(f, n);
    }
    if (person.photo() != null) {
      values.put(SyncField.PHOTO, person.photo());
      snap.put(SyncField.PHOTO, person.photo().contentHash());
    }
    return new Side(new FieldSnapshot(snap), values, invalid == null ? Map.of() : invalid);
  }

  /** Returns PCO's side of a person; unparseable genders and dates are listed as invalid. */
  public static PcoSide pco(PortPerson p, NameMapping mapping) {
    Map<SyncField, Object> values = new EnumMap<>(SyncField.class);
    Map<SyncField, String> invalid = null; // usually stays empty: created on the first entry
    Map<SyncField, String> entryIds = new EnumMap<>(SyncField.class);
    Map<String, String> emailIds = new HashMap<>();
    Map<SyncField, String> snap = new EnumMap<>(SyncField.class);
    for (SyncField f : ATTRIBUTE_FIELDS) {
      String raw = Normalize.text(p.attribute(attribute(f, mapping)));
      if (f == SyncField.FIRST_NAME && raw == null && mapping == NameMapping.LEGAL_TO_GIVEN_NICK_TO_FIRST) {
        raw = Normalize.text(p.firstName()); // no given name: the first name is the legal one
      }
      if (raw == null) {
        continue;
      }
      try {
        switch (f) {
          case GENDER:
            Gender g = Gender.parse(raw);
            if (g != Gender.UNKNOWN) {
              values.put(f, g);
            }
            break;
          case BIRTHDATE:
          case ANNIVERSARY:
            String iso = raw.length() > 10 ? raw.substring(0, 10) : raw;
            LocalDate date = isoDate(iso);
            if (date != null) {
              values.put(f, date);
              snap.put(f, iso); // what LocalDate.toString gives for a 4-digit year
            } else {
              values.put(f, LocalDate.parse(iso));
            }
            break;
          default:
            values.put(f, raw);
        }
      } catch (InvalidValueException | DateTimeParseException e) {
        invalid = invalid(invalid);
        invalid.put(f, "PCO holds an unreadable " + f + " '" + raw + "'");
      }
    }
    for (PortEmail e : p.emails()) {
      String n = Normalize.email(e.address());
      if (n != null) {
        emailIds.putIfAbsent(n, e.id());
      }
    }
    PortEmail email = null;
    for (PortEmail e : p.emails()) {
      if (better(e.primary(), e.createdAt(), e.id(), email == null, email == null || email.primary(),
          email == null ? null : email.createdAt(), email == null ? null : email.id())) {
        email = e;
      }
    }
    if (email != null && Normalize.email(email.address()) != null) {
      values.put(SyncField.EMAIL, email.address());
      entryIds.put(SyncField.EMAIL, email.id());
    }
    // One pass over the phones: each one's type and digits computed once, the pick per type kept.
    PhoneType[] types = PHONE_TYPES;
    PortPhone[] chosen = new PortPhone[types.length];
    String[] chosenDigits = new String[types.length];
    for (PortPhone ph : p.phones()) {
      PhoneType t = PhoneType.fromLocation(ph.location());
      if (t == null) {
        continue;
      }
      String digits = Normalize.phoneDigits(ph.number());
      if (digits == null) {
        continue;
      }
      int i = t.ordinal();
      PortPhone c = chosen[i];
      if (better(ph.primary(), ph.createdAt(), ph.id(), c == null, c == null || c.primary(),
          c == null ? null : c.createdAt(), c == null ? null : c.id())) {
        chosen[i] = ph;
        chosenDigits[i] = digits;
      }
    }
    for (PhoneType t : types) {
      PortPhone ph = chosen[t.ordinal()];
      if (ph != null) {
        SyncField f = SyncField.phone(t);
        values.put(f, ph.number());
        entryIds.put(f, ph.id());
        snap.put(f, chosenDigits[t.ordinal()]);
      }
    }
    PortAddress home = null;
    for (PortAddress a : p.addresses()) {
      if ((a.location() == null || "home".equalsIgnoreCase(a.location().strip())) && !a.address().isEmpty()
          && better(a.primary(), a.createdAt(), a.id(), home == null, home == null || home.primary(),
              home == null ? null : home.createdAt(), home == null ? null : home.id())) {
        home = a;
      }
    }
    if (home != null) {
      values.put(SyncField.HOME_ADDRESS, home.address());
      entryIds.put(SyncField.HOME_ADDRESS, home.id());
    }
    for (SyncField f : SYNC_FIELDS) { // EnumMap order, without an Entry per value
      Object v = values.get(f);
      if (v != null && !snap.containsKey(f)) {
        snap.put(f, normalise(f, v));
      }
    }
    return new PcoSide(
        new Side(new FieldSnapshot(snap), values, invalid == null ? Map.of() : invalid), entryIds, emailIds);
  }

  /**
   * {@code LocalDate.parse} without a formatter for the common {@code yyyy-MM-dd} (ASCII digits);
   * {@code null} for anything else, which then goes through {@code LocalDate.parse} (and its error).
   */
  private static LocalDate isoDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int y = digits(s, 0, 4);
    int m = digits(s, 5, 7);
    int d = digits(s, 8, 10);
    if (y < 0 || m < 0 || d < 0) {
      return null;
    }
    try {
      return LocalDate.of(y, m, d);
    } catch (java.time.DateTimeException e) {
      return null; // e.g. 2023-02-30: LocalDate.parse throws the parse exception
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static Map<SyncField, String> invalid(Map<SyncField, String> m) {
    return m == null ? new EnumMap<>(SyncField.class) : m;
  }

  private static final PhoneType[] PHONE_TYPES = PhoneType.values();
  private static final SyncField[] SYNC_FIELDS = SyncField.values();
  private static final Comparator<Instant> CREATED_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

  /**
   * Whether a candidate entry beats the current pick under "the first primary entry, else the
   * oldest (by creation time, then id), the first of equals": the rule of a loop-free {@code pick}.
   *
   * @param none no current pick yet
   * @param currentPrimary whether the current pick is primary (true when {@code none})
   */
  private static boolean better(
      boolean primary, Instant created, String id, boolean none, boolean currentPrimary, Instant currentCreated,
      String currentId) {
    if (none) {
      return true;
    }
    if (currentPrimary) {
      return false; // the first primary entry wins
    }
    if (primary) {
      return true;
    }
    int c = CREATED_ORDER.compare(created, currentCreated);
    if (c == 0) {
      c = Planner.ID_ORDER.compare(id, currentId);
    }
    return c < 0; // Stream.min keeps the first of equal elements
  }

  /** Returns the canonical form of a tag set: sorted ids joined with commas; {@code null} when empty. */
  public static String tags(Set<String> tagIds) {
    return tagIds == null || tagIds.isEmpty() ? null : String.join(",", new TreeSet<>(tagIds));
  }

  /** Parses {@link #tags(Set)}. */
  public static Set<String> tagSet(String canonical) {
    return canonical == null ? Set.of() : Set.of(canonical.split(","));
  }

  /** Returns whether two nullable values are equal. */
  public static boolean eq(String a, String b) {
    return Objects.equals(a, b);
  }
}
