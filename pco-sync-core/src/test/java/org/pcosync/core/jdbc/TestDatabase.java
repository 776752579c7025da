package org.pcosync.core.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One database for one test, and any number of independent {@link DataSource}s over it: each stands
 * for a separate process (its own connections, nothing shared in memory).
 */
final class TestDatabase implements AutoCloseable {
  /** The environment variable (or system property) naming a real PostgreSQL to test against. */
  static final String PG_URL = "PCOSYNC_PG_URL";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final String url;
  private final String tablePrefix;
  private final boolean h2;

  private TestDatabase(String url, String tablePrefix, boolean h2) {
    this.url = url;
    this.tablePrefix = tablePrefix;
    this.h2 = h2;
  }

  /** A fresh H2 in-memory database in H2's own mode. */
  static TestDatabase h2() {
    return new TestDatabase("jdbc:h2:mem:pcosync" + SEQUENCE.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
        JdbcSyncStateStore.DEFAULT_TABLE_PREFIX, true);
  }

  /** A fresh H2 in-memory database in PostgreSQL compatibility mode. */
  static TestDatabase h2PostgresMode() {
    return new TestDatabase("jdbc:h2:mem:pcosyncpg" + SEQUENCE.incrementAndGet()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        JdbcSyncStateStore.DEFAULT_TABLE_PREFIX, true);
  }

  /**
   * The PostgreSQL server named by {@value #PG_URL} (a JDBC URL with user and password), or
   * {@code null} when unset. Each test gets tables of its own prefix, dropped by {@link #close()}.
   */
  static TestDatabase postgresServerOrNull() {
    String url = System.getProperty(PG_URL, System.getenv(PG_URL));
    if (url == null || url.isBlank()) {
      return null;
    }
    return new TestDatabase(url, "t" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet() + "_",
        false);
  }

  String tablePrefix() {
    return tablePrefix;
  }

  /** A new data source over this database: another "process". */
  DataSource newDataSource() {
    if (h2) {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(url);
      return ds;
    }
    return new DriverManagerDataSource(url);
  }

  /** A store over a new data source, with this database's table prefix. */
  JdbcSyncStateStore newStore() {
    return JdbcSyncStateStore.builder(newDataSource()).tablePrefix(tablePrefix).build();
  }

  /** Runs one statement outside any store. */
  void execute(String sql) throws SQLException {
    try (Connection c = newDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** {@link #close()}, for callers that may not throw checked exceptions. */
  void closeUnchecked() {
    try {
      close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop the test database " + url, e);
    }
  }

  @Override
  public void close() throws SQLException {
    if (h2) {
      execute("SHUTDOWN");
      return;
    }
    for (String table : new String[] {"link", "cursor", "checkpoint", "create_intent", "journal", "lease",
        "schema_version"}) {
      execute("DROP TABLE IF EXISTS " + tablePrefix + table);
    }
  }

  /** The smallest {@link DataSource}: a new physical connection per call. */
  private static final class DriverManagerDataSource implements DataSource {
    private final String url;

    DriverManagerDataSource(String url) {
      this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
