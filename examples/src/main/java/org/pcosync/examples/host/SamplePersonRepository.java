package org.pcosync.examples.host;

import java.io.ByteArrayInputStream;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pcosync.api.Gender;
import org.pcosync.api.HostPerson;
import org.pcosync.api.Normalize;
import org.pcosync.api.PersonChanges;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.PhotoRef;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.spi.PersonRepository;

/**
 * The sample host's people over JDBC. A person's stable id is the alias made when they were created
 * (their first id); a merge moves the removed person's aliases to the kept one, so the removed
 * person's stable id then finds the kept person. Thread-safe: every call uses its own connection.
 */
public final class SamplePersonRepository implements PersonRepository {
  private static final String SELECT = "SELECT p.* FROM person p ";

  private final Jdbc jdbc;
  private final Clock clock;

  SamplePersonRepository(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<HostPerson> findById(String id) {
    Long key = parseId(id);
    if (key == null) {
      return Optional.empty();
    }
    return jdbc.query(SELECT + "WHERE p.id = ?", this::map, key).stream().findFirst();
  }

  @Override
  public Optional<HostPerson> findByStableId(String stableId) {
    return jdbc.query(SELECT + "JOIN person_alias a ON a.person_id = p.id WHERE a.alias_id = ?", this::map, stableId)
        .stream().findFirst();
  }

  @Override
  public Map<String, HostPerson> findByStableIds(Collection<String> stableIds) {
    Map<String, HostPerson> result = new LinkedHashMap<>();
    if (stableIds.isEmpty()) {
      return result;
    }
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(stableIds));
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      String marks = chunk.stream().map(x -> "?").collect(Collectors.joining(","));
      Map<String, HostPerson> byAlias = new LinkedHashMap<>();
      jdbc.query(
          "SELECT a.alias_id AS asked, q.* FROM person_alias a JOIN (" + SELECT + ") q ON q.id = a.person_id "
              + "WHERE a.alias_id IN (" + marks + ")",
          rs -> byAlias.put(rs.getString("asked"), map(rs)),
          chunk.toArray());
      for (String id : chunk) {
        HostPerson p = byAlias.get(id);
        if (p != null) {
          result.put(id, p);
        }
      }
    }
    return result;
  }

  @Override
  public List<HostPerson> findByEmail(String email) {
    String key = Normalize.email(email);
    if (key == null) {
      return List.of();
    }
    return jdbc.query(SELECT + "WHERE p.email_key = ? ORDER BY p.id", this::map, key);
  }

  @Override
  public HostPerson create(PersonData data, String connectionStatus) {
    long id = jdbc.insert(insertSql(false), values(data, connectionStatus));
    jdbc.update("INSERT INTO person_alias (alias_id, person_id) VALUES (?, ?)", Long.toString(id), id);
    return findById(Long.toString(id)).orElseThrow();
  }

  /**
   * Inserts a person under a given id and stable id with a given modification time, as a migration
   * from another system would; call {@link #restartIds()} after the last.
   */
  void importPerson(HostPerson person) {
    long id = Long.parseLong(person.id());
    Object[] v = values(person.data(), null);
    Object[] args = new Object[v.length + 1];
    args[0] = id;
    System.arraycopy(v, 0, args, 1, v.length);
    args[args.length - 1] = person.modifiedAt() == null ? now() : OffsetDateTime.ofInstant(person.modifiedAt(), ZoneOffset.UTC);
    jdbc.update(insertSql(true), args);
    jdbc.update("INSERT INTO person_alias (alias_id, person_id) VALUES (?, ?)", person.stableId(), id);
  }

  /** Makes later creates continue after the highest id. */
  void restartIds() {
    long next = jdbc.query("SELECT COALESCE(MAX(id), 0) FROM person", rs -> rs.getLong(1)).get(0) + 1;
    jdbc.update("ALTER TABLE person ALTER COLUMN id RESTART WITH " + next);
  }

  private static String insertSql(boolean withId) {
    return "INSERT INTO person (" + (withId ? "id, " : "") + "first_name, nick_name, middle_name, last_name, email, gender, birthdate, anniversary, "
            + "street1, street2, city, state, zip, country, home_phone, work_phone, mobile_phone, connection_status, "
            + "modified_at) VALUES (" + (withId ? "?," : "") + "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  }

  private Object[] values(PersonData data, String connectionStatus) {
    return new Object[] {
        data.firstName(), data.nickname(), data.middleName(), data.lastName(), data.email(),
        data.gender().pcoValue(), sqlDate(data.birthdate()), sqlDate(data.anniversary()),
        street1(data), street2(data), city(data), state(data), zip(data), country(data),
        data.phone(PhoneType.HOME), data.phone(PhoneType.WORK), data.phone(PhoneType.MOBILE),
        connectionStatus, now()};
  }

  @Override
  public HostPerson update(String id, PersonChanges changes) {
    HostPerson current = findById(id).orElseThrow(() -> new NoSuchElementException("no person " + id));
    PersonData d = changes.applyTo(current.data());
    int n = jdbc.update(
        "UPDATE person SET first_name=?, nick_name=?, middle_name=?, last_name=?, email=?, gender=?, birthdate=?, "
            + "anniversary=?, street1=?, street2=?, city=?, state=?, zip=?, country=?, home_phone=?, work_phone=?, "
            + "mobile_phone=?, modified_at=? WHERE id=?",
        d.firstName(), d.nickname(), d.middleName(), d.lastName(), d.email(), d.gender().pcoValue(),
        sqlDate(d.birthdate()), sqlDate(d.anniversary()), street1(d), street2(d), city(d), state(d), zip(d),
        country(d), d.phone(PhoneType.HOME), d.phone(PhoneType.WORK), d.phone(PhoneType.MOBILE), now(),
        Long.parseLong(id));
    if (n == 0) {
      throw new NoSuchElementException("no person " + id);
    }
    return findById(id).orElseThrow();
  }

  /**
   * Stores a photo for a person (the host's own UI would do this).
   *
   * @param hash the content hash
   */
  public void setPhoto(String id, byte[] bytes, String contentType, String hash) {
    jdbc.update("UPDATE person SET photo=?, photo_type=?, photo_hash=?, modified_at=? WHERE id=?",
        bytes, contentType, hash, now(), Long.parseLong(id));
  }

  @Override
  public boolean supportsModifiedSince() {
    return true;
  }

  @Override
  public Set<String> modifiedSince(Instant since) {
    return new LinkedHashSet<>(jdbc.query("SELECT id FROM person WHERE modified_at >= ? ORDER BY id",
        rs -> Long.toString(rs.getLong(1)), OffsetDateTime.ofInstant(since, ZoneOffset.UTC)));
  }

  private HostPerson map(ResultSet rs) throws SQLException {
    String id = Long.toString(rs.getLong("id"));
    PersonData.Builder b = PersonData.builder()
        .firstName(rs.getString("first_name"))
        .nickname(rs.getString("nick_name"))
        .middleName(rs.getString("middle_name"))
        .lastName(rs.getString("last_name"))
        .email(rs.getString("email"))
        .gender(genderOf(rs.getString("gender")))
        .birthdate(localDate(rs.getDate("birthdate")))
        .anniversary(localDate(rs.getDate("anniversary")))
        .homeAddress(new PostalAddress(rs.getString("street1"), rs.getString("street2"), rs.getString("city"),
            rs.getString("state"), rs.getString("zip"), rs.getString("country")))
        .phone(PhoneType.HOME, rs.getString("home_phone"))
        .phone(PhoneType.WORK, rs.getString("work_phone"))
        .phone(PhoneType.MOBILE, rs.getString("mobile_phone"));
    PhotoRef photo = null;
    String hash = rs.getString("photo_hash");
    if (hash != null) {
      byte[] bytes = rs.getBytes("photo");
      photo = new PhotoRef(hash, rs.getString("photo_type"), () -> new ByteArrayInputStream(bytes));
    }
    OffsetDateTime modified = rs.getObject("modified_at", OffsetDateTime.class);
    return new HostPerson(id, id, b.build(), photo,
        modified == null ? null : modified.toInstant());
  }

  /** Bad gender values in the host's own data come through as unknown; the host's UI owns that data. */
  private static Gender genderOf(String s) {
    try {
      return Gender.parse(s);
    } catch (RuntimeException e) {
      return Gender.UNKNOWN;
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static Long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Date sqlDate(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static PostalAddress address(PersonData d) {
    return d.homeAddress() == null ? PostalAddress.of(null, null, null, null, null) : d.homeAddress();
  }

  private static String street1(PersonData d) {
    return address(d).streetLine1();
  }

  private static String street2(PersonData d) {
    return address(d).streetLine2();
  }

  private static String city(PersonData d) {
    return address(d).city();
  }

  private static String state(PersonData d) {
    return address(d).state();
  }

  private static String zip(PersonData d) {
    return address(d).zip();
  }

  private static String country(PersonData d) {
    return address(d).countryCode();
  }
}
