package org.pcosync.core.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned scripts {@code V<n>__<description>.sql} beside this class, in order, and
 * records each in {@code <prefix>schema_version}. A script runs, then its version row is inserted in
 * the same transaction; the row's primary key is the guard: when two processes migrate at once, one
 * insert wins and the other rolls back, re-reads the table and finds the version applied. Scripts
 * are idempotent ({@code IF NOT EXISTS}), so a database without transactional DDL (H2) that runs a
 * script twice, or half of one before a crash, is safe. Versions in the table that this code does
 * not know (a newer release migrated) are left alone. Thread-safe; holds no state between calls.
 */
final class SchemaMigrator {
  private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

  /** The scripts, oldest first; append only, never edit a released one. */
  static final List<Script> SCRIPTS = List.of(new Script(1, "initial"));

  private static final int MAX_ATTEMPTS = 3;

  record Script(int version, String description) {
    String resource() {
      return "V" + version + "__" + description + ".sql";
    }
  }

  private final DataSource dataSource;
  private final String prefix;
  private final Clock clock;

  SchemaMigrator(DataSource dataSource, String prefix, Clock clock) {
    this.dataSource = dataSource;
    this.prefix = prefix;
    this.clock = clock;
  }

  /** Applies every missing script; returns how many this call recorded. */
  int migrate() throws SQLException {
    createVersionTable();
    int applied = 0;
    for (Script script : SCRIPTS) {
      if (apply(script)) {
        applied++;
      }
    }
    int latest = SCRIPTS.get(SCRIPTS.size() - 1).version();
    TreeSet<Integer> recorded = appliedVersions();
    if (!recorded.isEmpty() && recorded.last() > latest) {
      log.warn("The pco-sync tables prefixed {} are at schema version {}, newer than this release's {};"
          + " going on, as a newer release's scripts only add", prefix, recorded.last(), latest);
    }
    return applied;
  }

  /** Returns the versions recorded in the version table. */
  TreeSet<Integer> appliedVersions() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM " + prefix + "schema_version")) {
      TreeSet<Integer> versions = new TreeSet<>();
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
      return versions;
    }
  }

  private void createVersionTable() throws SQLException {
    String ddl = "CREATE TABLE IF NOT EXISTS " + prefix + "schema_version ("
        + " version INTEGER NOT NULL,"
        + " description VARCHAR(200) NOT NULL,"
        + " installed_at DECIMAL(30,9) NOT NULL,"
        + " CONSTRAINT " + prefix + "schema_version_pk PRIMARY KEY (version))";
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(ddl);
    } catch (SQLException e) {
      // PostgreSQL: two concurrent CREATE TABLE IF NOT EXISTS may fail the loser on its catalog's
      // unique index. Fine when the table now exists.
      try {
        appliedVersions();
      } catch (SQLException stillMissing) {
        e.addSuppressed(stillMissing);
        throw e;
      }
    }
  }

  /** Applies one script unless recorded; returns whether this call recorded it. */
  private boolean apply(Script script) throws SQLException {
    List<String> statements = statements(script);
    for (int attempt = 1; ; attempt++) {
      if (appliedVersions().contains(script.version())) {
        return false;
      }
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement();
            PreparedStatement record = c.prepareStatement("INSERT INTO " + prefix
                + "schema_version (version, description, installed_at) VALUES (?, ?, ?)")) {
          for (String sql : statements) {
            s.execute(sql);
          }
          record.setInt(1, script.version());
          record.setString(2, script.description());
          record.setBigDecimal(3, JdbcSyncStateStore.toDecimal(clock.instant()));
          record.executeUpdate();
          c.commit();
          log.info("Applied {} to the pco-sync tables prefixed {}", script.resource(), prefix);
          return true;
        } catch (SQLException e) {
          JdbcSyncStateStore.rollbackQuietly(c, e);
          if (appliedVersions().contains(script.version())) {
            return false; // another process applied it meanwhile
          }
          if (attempt >= MAX_ATTEMPTS) {
            throw e;
          }
        } finally {
          JdbcSyncStateStore.restoreAutoCommit(c, autoCommit);
        }
      }
    }
  }

  private List<String> statements(Script script) {
    String text;
    try (InputStream in = SchemaMigrator.class.getResourceAsStream(script.resource())) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + script.resource());
      }
      text = new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + script.resource(), e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.replace("${prefix}", prefix).split("\r?\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        statements.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException(script.resource() + " does not end with a semicolon");
    }
    return statements;
  }
}
