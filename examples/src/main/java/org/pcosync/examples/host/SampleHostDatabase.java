package org.pcosync.examples.host;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.pcosync.api.PermissionLevel;

/**
 * The sample host's database: an H2 schema shaped like a small ChMS (people with aliases, groups,
 * group members, the "PCO Tags" attribute), and the three host repositories over it. This is the
 * shape a ChMS vendor's adapter takes; copy it, not the schema.
 *
 * <pre>{@code
 * SampleHostDatabase db = SampleHostDatabase.inMemory("demo", Clock.systemUTC());
 * long ted = db.insertPerson(PersonData.builder().firstName("Ted").lastName("Decker").build());
 * long editors = db.insertGroup("Editors");
 * db.syncGroup(editors, "first-church", PermissionLevel.EDITOR);
 * db.addMember(editors, ted);
 * }</pre>
 *
 * <p>Thread-safe: every call uses its own connection.
 */
public final class SampleHostDatabase {
  private final DataSource dataSource;
  private final Clock clock;
  private final Jdbc jdbc;

  /**
   * @param dataSource the database; the schema is created if missing
   * @param clock sets modification times
   */
  public SampleHostDatabase(DataSource dataSource, Clock clock) {
    this.dataSource = requireNonNull(dataSource, "dataSource == null");
    this.clock = requireNonNull(clock, "clock == null");
    this.jdbc = new Jdbc(dataSource);
    createSchema();
  }

  /** Returns a database in a named in-memory H2 instance that lives until the JVM exits. */
  public static SampleHostDatabase inMemory(String name, Clock clock) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return new SampleHostDatabase(ds, clock);
  }

  private void createSchema() {
    String sql;
    try (InputStream in = getClass().getResourceAsStream("schema.sql")) {
      sql = new String(requireNonNull(in, "schema.sql missing").readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
      if (!statement.isBlank()) {
        jdbc.update(statement);
      }
    }
  }

  /** Returns the data source. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Returns a person repository over this database. */
  public SamplePersonRepository people() {
    return new SamplePersonRepository(jdbc, clock);
  }

  /** Returns a group repository over this database. */
  public SampleGroupRepository groups() {
    return new SampleGroupRepository(jdbc);
  }

  /** Returns a tag attribute store over this database. */
  public SampleTagAttributeStore tags() {
    return new SampleTagAttributeStore(jdbc);
  }

  /**
   * Inserts a person with a fresh alias and returns the id.
   *
   * @param data the person's fields
   */
  public long insertPerson(org.pcosync.api.PersonData data) {
    return Long.parseLong(people().create(data, null).id());
  }

  /** Inserts a group and returns its id. */
  public long insertGroup(String name) {
    return jdbc.insert("INSERT INTO host_group (name) VALUES (?)", name);
  }

  /**
   * Inserts people under their own ids and stable ids (a migration from another system, or a test
   * fixture); later inserts continue after the highest id.
   */
  public void importPeople(java.util.List<org.pcosync.api.HostPerson> people) {
    SamplePersonRepository repo = people();
    people.forEach(repo::importPerson);
    repo.restartIds();
  }

  /** Inserts a group under a given id; later inserts continue after the highest id. */
  public void importGroup(long id, String name) {
    jdbc.update("INSERT INTO host_group (id, name) VALUES (?, ?)", id, name);
    long next = jdbc.query("SELECT MAX(id) FROM host_group", rs -> rs.getLong(1)).get(0) + 1;
    jdbc.update("ALTER TABLE host_group ALTER COLUMN id RESTART WITH " + next);
  }

  /** Adds an inactive member: in the group, but not counted. */
  public void addInactiveMember(long groupId, long personId) {
    jdbc.update("MERGE INTO group_member (group_id, person_id, active) KEY (group_id, person_id) VALUES (?, ?, FALSE)",
        groupId, personId);
  }

  /** Selects PCO tags on a person's "PCO Tags" attribute for an account. */
  public void selectTags(long personId, String accountId, java.util.Set<String> tagIds) {
    tags().setSelectedTags(Long.toString(personId), accountId, tagIds);
  }

  /**
   * Makes a group sync to an account.
   *
   * @param level the level members get; nullable for a tag-only group
   * @param tagIds PCO tag ids the group carries
   */
  public void syncGroup(long groupId, String accountId, PermissionLevel level, String... tagIds) {
    jdbc.update("MERGE INTO group_sync (group_id, account_id, permission_level) KEY (group_id, account_id) VALUES (?, ?, ?)",
        groupId, accountId, level == null ? null : level.name());
    for (String tag : tagIds) {
      jdbc.update("MERGE INTO group_sync_tag (group_id, account_id, tag_id) KEY (group_id, account_id, tag_id) VALUES (?, ?, ?)",
          groupId, accountId, tag);
    }
  }

  /** Adds an active member (or reactivates one). */
  public void addMember(long groupId, long personId) {
    jdbc.update("MERGE INTO group_member (group_id, person_id, active) KEY (group_id, person_id) VALUES (?, ?, TRUE)",
        groupId, personId);
  }

  /** Marks a member inactive: they stay in the group's history but no longer count. */
  public void deactivateMember(long groupId, long personId) {
    jdbc.update("UPDATE group_member SET active = FALSE WHERE group_id = ? AND person_id = ?", groupId, personId);
  }

  /**
   * Merges person {@code removeId} into {@code keepId} as the ChMS would: the removed person's
   * aliases, memberships and tags move to the kept one, and the removed row is deleted.
   */
  public void mergePeople(long keepId, long removeId) {
    jdbc.inTransaction(
        c -> {
          for (String sql : new String[] {
            "UPDATE person_alias SET person_id = ? WHERE person_id = ?",
            "MERGE INTO group_member (group_id, person_id, active) KEY (group_id, person_id) "
                + "SELECT group_id, ?, active FROM group_member WHERE person_id = ?",
            "MERGE INTO person_pco_tag (person_id, account_id, tag_id) KEY (person_id, account_id, tag_id) "
                + "SELECT ?, account_id, tag_id FROM person_pco_tag WHERE person_id = ?"}) {
            try (var ps = Jdbc.prepare(c, sql, keepId, removeId)) {
              ps.executeUpdate();
            }
          }
          for (String sql : new String[] {
            "DELETE FROM group_member WHERE person_id = ?",
            "DELETE FROM person_pco_tag WHERE person_id = ?",
            "DELETE FROM person WHERE id = ?"}) {
            try (var ps = Jdbc.prepare(c, sql, removeId)) {
              ps.executeUpdate();
            }
          }
          try (var ps = Jdbc.prepare(c, "UPDATE person SET modified_at = ? WHERE id = ?", now(), keepId)) {
            ps.executeUpdate();
          }
        });
  }

  OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
