package org.pcosync.core.jdbc;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.pcosync.api.CreateIntent;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.FieldSnapshot;
import org.pcosync.api.JournalEntry;
import org.pcosync.api.Link;
import org.pcosync.api.LinkConflictException;
import org.pcosync.api.PcoSyncException;
import org.pcosync.api.RunLease;
import org.pcosync.api.spi.SyncStateStore;

/**
 * A {@link SyncStateStore} in any SQL database reached through a {@link DataSource}: links with both
 * bases and rejections, cursors, checkpoints, create intents, the run journal and the run lease, in
 * seven tables named {@code <prefix>link}, {@code <prefix>cursor}, … (default prefix
 * {@value #DEFAULT_TABLE_PREFIX}). The schema is written for, and tested on, H2 and PostgreSQL.
 *
 * <pre>{@code
 * JdbcSyncStateStore store = JdbcSyncStateStore.builder(dataSource)
 *     .tablePrefix("pcosync_")   // the default
 *     .build();
 * store.migrate();               // creates or upgrades the tables; idempotent
 * }</pre>
 *
 * <p><b>Transactions.</b> Every method borrows one connection from the data source and runs in its
 * own short transaction (at the data source's default isolation), so a pool works and nothing is
 * held between calls. A failing database call throws a {@link PcoSyncException} with {@link
 * ErrorCode#STATE_STORE_FAILURE} naming the operation and account, with the {@link SQLException} as
 * its cause.
 *
 * <p><b>Links.</b> Both directions are one-to-one by database constraint: the host person is the
 * primary key within an account ({@link #saveLink} replaces that row), and the PCO person is unique
 * within an account, so saving a link whose PCO person belongs to another host person throws
 * {@link LinkConflictException} and changes nothing, also when two processes race.
 *
 * <p><b>Run lease.</b> Exclusive across every process over the same tables: taken by a conditional
 * {@code UPDATE … WHERE account_id = ? AND expires_at <= ?} of an expired row, or by an {@code INSERT}
 * guarded by the primary key when there is none, never by a read-then-write; renewed and released
 * only with its token. Time is the {@code now} each caller supplies.
 *
 * <p><b>Instants</b> are stored as {@code DECIMAL(30,9)} epoch seconds and read back exactly,
 * nanoseconds included.
 *
 * <p>Thread-safe; share one instance (per data source and prefix).
 */
public final class JdbcSyncStateStore implements SyncStateStore {

  /** The table prefix used unless {@link Builder#tablePrefix(String)} says otherwise. */
  public static final String DEFAULT_TABLE_PREFIX = "pcosync_";

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,29}");
  private static final int MAX_ATTEMPTS = 5;

  private final DataSource dataSource;
  private final String prefix;
  private final Clock clock;
  private final Supplier<String> tokens;
  private final SchemaMigrator migrator;

  private JdbcSyncStateStore(Builder b) {
    this.dataSource = b.dataSource;
    this.prefix = b.tablePrefix;
    this.clock = b.clock;
    this.tokens = b.tokens;
    this.migrator = new SchemaMigrator(dataSource, prefix, clock);
  }

  /** Returns a store over {@code dataSource} with the default table prefix. Run {@link #migrate()}. */
  public static JdbcSyncStateStore create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /** Returns a builder for a store over {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** Returns a builder holding this store's settings, for a variant. */
  public Builder newBuilder() {
    return new Builder(dataSource).tablePrefix(prefix).clock(clock).leaseTokens(tokens);
  }

  /** Returns the prefix of this store's table names. */
  public String tablePrefix() {
    return prefix;
  }

  /** Returns the schema version this release of the store needs: the newest script it ships. */
  public static int latestSchemaVersion() {
    return SchemaMigrator.SCRIPTS.get(SchemaMigrator.SCRIPTS.size() - 1).version();
  }

  /**
   * Creates the tables or brings them to {@link #latestSchemaVersion()}: applies each versioned
   * script ({@code org/pcosync/core/jdbc/V<n>__<name>.sql}) not yet recorded in
   * {@code <prefix>schema_version}, in order. Idempotent, and safe when several processes call it at
   * once (the version table's primary key admits one of them per version). Needs DDL rights; a host
   * whose DBA applies schema changes runs the scripts by hand instead (replacing {@code ${prefix}})
   * and inserts the version rows.
   *
   * @return how many versions this call applied (0 when the schema was up to date)
   * @throws PcoSyncException with {@link ErrorCode#STATE_STORE_FAILURE} when a script fails
   */
  public int migrate() {
    try {
      return migrator.migrate();
    } catch (SQLException e) {
      throw failure("migrate the schema", null, e);
    }
  }

  // ---- links -----------------------------------------------------------------------------------

  private static final String LINK_COLUMNS = "account_id, host_stable_id, pco_person_id, host_base,"
      + " pco_base, rejected_values, rejected_reasons, linked_at, synced_at";

  @Override
  public Optional<Link> linkByHost(String accountId, String hostStableId) {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(hostStableId, "hostStableId == null");
    return querySingle("read the link of host person " + hostStableId, accountId,
        "SELECT " + LINK_COLUMNS + " FROM " + prefix + "link WHERE account_id = ? AND host_stable_id = ?",
        JdbcSyncStateStore::readLink, accountId, hostStableId);
  }

  @Override
  public Optional<Link> linkByPco(String accountId, String pcoPersonId) {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(pcoPersonId, "pcoPersonId == null");
    return querySingle("read the link of PCO person " + pcoPersonId, accountId,
        "SELECT " + LINK_COLUMNS + " FROM " + prefix + "link WHERE account_id = ? AND pco_person_id = ?",
        JdbcSyncStateStore::readLink, accountId, pcoPersonId);
  }

  @Override
  public List<Link> links(String accountId) {
    requireNonNull(accountId, "accountId == null");
    return queryList("read the links", accountId,
        "SELECT " + LINK_COLUMNS + " FROM " + prefix + "link WHERE account_id = ?",
        JdbcSyncStateStore::readLink, accountId);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Checks and writes in one transaction; the database's unique constraint on
   * {@code (account_id, pco_person_id)} decides a race between two processes, whose loser gets the
   * {@link LinkConflictException}.
   */
  @Override
  public void saveLink(Link link) {
    requireNonNull(link, "link == null");
    String op = "save the link of host person " + link.hostStableId() + " to PCO person " + link.pcoPersonId();
    transact(op, link.accountId(), c -> {
      requireNoOtherHost(c, link);
      int updated = update(c, "UPDATE " + prefix + "link SET pco_person_id = ?, host_base = ?, pco_base = ?,"
              + " rejected_values = ?, rejected_reasons = ?, linked_at = ?, synced_at = ?"
              + " WHERE account_id = ? AND host_stable_id = ?",
          link.pcoPersonId(), link.hostBase().encode(), link.pcoBase().encode(),
          link.rejectedValues().encode(), link.rejectedReasons().encode(), toDecimal(link.linkedAt()),
          toDecimal(link.syncedAt()), link.accountId(), link.hostStableId());
      if (updated == 0) {
        update(c, "INSERT INTO " + prefix + "link (" + LINK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            link.accountId(), link.hostStableId(), link.pcoPersonId(), link.hostBase().encode(),
            link.pcoBase().encode(), link.rejectedValues().encode(), link.rejectedReasons().encode(),
            toDecimal(link.linkedAt()), toDecimal(link.syncedAt()));
      }
      return null;
    }, e -> new LinkConflictException("PCO person " + link.pcoPersonId() + " of account "
        + link.accountId() + " is being linked to another host person at the same time as to "
        + link.hostStableId()));
  }

  private void requireNoOtherHost(Connection c, Link link) throws SQLException {
    try (PreparedStatement ps = prepare(c, "SELECT host_stable_id FROM " + prefix + "link"
        + " WHERE account_id = ? AND pco_person_id = ?", link.accountId(), link.pcoPersonId());
        ResultSet rs = ps.executeQuery()) {
      if (rs.next() && !rs.getString(1).equals(link.hostStableId())) {
        throw new LinkConflictException("PCO person " + link.pcoPersonId() + " of account "
            + link.accountId() + " is already linked to host person " + rs.getString(1)
            + ", so it cannot be linked to " + link.hostStableId());
      }
    }
  }

  @Override
  public boolean deleteLink(String accountId, String hostStableId) {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(hostStableId, "hostStableId == null");
    return transact("delete the link of host person " + hostStableId, accountId,
        c -> update(c, "DELETE FROM " + prefix + "link WHERE account_id = ? AND host_stable_id = ?",
            accountId, hostStableId) > 0);
  }

  private static Link readLink(ResultSet rs) throws SQLException {
    return new Link(rs.getString(1), rs.getString(2), rs.getString(3), FieldSnapshot.decode(rs.getString(4)),
        FieldSnapshot.decode(rs.getString(5)), FieldSnapshot.decode(rs.getString(6)),
        FieldSnapshot.decode(rs.getString(7)), toInstant(rs.getBigDecimal(8)), toInstant(rs.getBigDecimal(9)));
  }

  // ---- cursors and checkpoints -------------------------------------------------------------------

  @Override
  public Optional<Instant> cursor(String accountId, String name) {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(name, "name == null");
    return querySingle("read cursor " + name, accountId,
        "SELECT cursor_at FROM " + prefix + "cursor WHERE account_id = ? AND cursor_name = ?",
        rs -> toInstant(rs.getBigDecimal(1)), accountId, name);
  }

  @Override
  public void saveCursor(String accountId, String name, Instant value) {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(name, "name == null");
    requireNonNull(value, "value == null");
    upsert("save cursor " + name, accountId,
        "UPDATE " + prefix + "cursor SET cursor_at = ? WHERE account_id = ? AND cursor_name = ?",
        new Object[] {toDecimal(value), accountId, name},
        "INSERT INTO " + prefix + "cursor (account_id, cursor_name, cursor_at) VALUES (?, ?, ?)",
        new Object[] {accountId, name, toDecimal(value)});
  }

  @Override
  public Optional<String> checkpoint(String accountId, String name) {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(name, "name == null");
    return querySingle("read checkpoint " + name, accountId,
        "SELECT checkpoint_value FROM " + prefix + "checkpoint WHERE account_id = ? AND checkpoint_name = ?",
        rs -> rs.getString(1), accountId, name);
  }

  @Override
  public void saveCheckpoint(String accountId, String name, String value) {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(name, "name == null");
    requireNonNull(value, "value == null");
    upsert("save checkpoint " + name, accountId,
        "UPDATE " + prefix + "checkpoint SET checkpoint_value = ? WHERE account_id = ? AND checkpoint_name = ?",
        new Object[] {value, accountId, name},
        "INSERT INTO " + prefix + "checkpoint (account_id, checkpoint_name, checkpoint_value) VALUES (?, ?, ?)",
        new Object[] {accountId, name, value});
  }

  @Override
  public void clearCheckpoint(String accountId, String name) {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(name, "name == null");
    transact("clear checkpoint " + name, accountId, c -> update(c,
        "DELETE FROM " + prefix + "checkpoint WHERE account_id = ? AND checkpoint_name = ?", accountId, name));
  }

  // ---- create intents ------------------------------------------------------------------------------

  private static final String INTENT_COLUMNS =
      "account_id, host_stable_id, host_person_id, started_at, pco_person_id";

  @Override
  public Optional<CreateIntent> createIntent(String accountId, String hostStableId) {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(hostStableId, "hostStableId == null");
    return querySingle("read the create intent of host person " + hostStableId, accountId,
        "SELECT " + INTENT_COLUMNS + " FROM " + prefix + "create_intent WHERE account_id = ? AND host_stable_id = ?",
        JdbcSyncStateStore::readIntent, accountId, hostStableId);
  }

  @Override
  public List<CreateIntent> createIntents(String accountId) {
    requireNonNull(accountId, "accountId == null");
    return queryList("read the create intents", accountId,
        "SELECT " + INTENT_COLUMNS + " FROM " + prefix + "create_intent WHERE account_id = ?",
        JdbcSyncStateStore::readIntent, accountId);
  }

  @Override
  public void saveCreateIntent(CreateIntent intent) {
    requireNonNull(intent, "intent == null");
    upsert("save the create intent of host person " + intent.hostStableId(), intent.accountId(),
        "UPDATE " + prefix + "create_intent SET host_person_id = ?, started_at = ?, pco_person_id = ?"
            + " WHERE account_id = ? AND host_stable_id = ?",
        new Object[] {intent.hostPersonId(), toDecimal(intent.startedAt()), intent.pcoPersonId(),
            intent.accountId(), intent.hostStableId()},
        "INSERT INTO " + prefix + "create_intent (" + INTENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
        new Object[] {intent.accountId(), intent.hostStableId(), intent.hostPersonId(),
            toDecimal(intent.startedAt()), intent.pcoPersonId()});
  }

  @Override
  public void deleteCreateIntent(String accountId, String hostStableId) {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(hostStableId, "hostStableId == null");
    transact("delete the create intent of host person " + hostStableId, accountId, c -> update(c,
        "DELETE FROM " + prefix + "create_intent WHERE account_id = ? AND host_stable_id = ?",
        accountId, hostStableId));
  }

  private static CreateIntent readIntent(ResultSet rs) throws SQLException {
    return new CreateIntent(rs.getString(1), rs.getString(2), rs.getString(3),
        toInstant(rs.getBigDecimal(4)), rs.getString(5));
  }

  // ---- journal ----------------------------------------------------------------------------------

  private static final String JOURNAL_COLUMNS =
      "account_id, entry_id, kind, status, created_at, updated_at, summary, payload";

  /**
   * {@inheritDoc}
   *
   * <p>The payload is stored verbatim in a {@code TEXT} column.
   */
  @Override
  public void saveJournalEntry(JournalEntry entry) {
    requireNonNull(entry, "entry == null");
    upsert("save journal entry " + entry.id(), entry.accountId(),
        "UPDATE " + prefix + "journal SET kind = ?, status = ?, created_at = ?, updated_at = ?, summary = ?,"
            + " payload = ? WHERE account_id = ? AND entry_id = ?",
        new Object[] {entry.kind().name(), entry.status().name(), toDecimal(entry.createdAt()),
            toDecimal(entry.updatedAt()), entry.summary(), entry.payload(), entry.accountId(), entry.id()},
        "INSERT INTO " + prefix + "journal (" + JOURNAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        new Object[] {entry.accountId(), entry.id(), entry.kind().name(), entry.status().name(),
            toDecimal(entry.createdAt()), toDecimal(entry.updatedAt()), entry.summary(), entry.payload()});
  }

  @Override
  public Optional<JournalEntry> journalEntry(String accountId, String id) {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(id, "id == null");
    return querySingle("read journal entry " + id, accountId,
        "SELECT " + JOURNAL_COLUMNS + " FROM " + prefix + "journal WHERE account_id = ? AND entry_id = ?",
        JdbcSyncStateStore::readJournalEntry, accountId, id);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Entries created at the same instant come in ascending id order (by the database's collation).
   */
  @Override
  public List<JournalEntry> journal(String accountId) {
    requireNonNull(accountId, "accountId == null");
    return queryList("read the journal", accountId,
        "SELECT " + JOURNAL_COLUMNS + " FROM " + prefix + "journal WHERE account_id = ?"
            + " ORDER BY created_at DESC, entry_id ASC",
        JdbcSyncStateStore::readJournalEntry, accountId);
  }

  private static JournalEntry readJournalEntry(ResultSet rs) throws SQLException {
    return new JournalEntry(rs.getString(1), rs.getString(2), JournalEntry.Kind.valueOf(rs.getString(3)),
        JournalEntry.Status.valueOf(rs.getString(4)), toInstant(rs.getBigDecimal(5)),
        toInstant(rs.getBigDecimal(6)), nullToEmpty(rs.getString(7)), nullToEmpty(rs.getString(8)));
  }

  // ---- run lease ---------------------------------------------------------------------------------

  private static final String LEASE_COLUMNS = "account_id, owner_name, lease_token, acquired_at, expires_at";

  /**
   * {@inheritDoc}
   *
   * <p>In one transaction: a conditional {@code UPDATE} of the account's row if it expired, else an
   * {@code INSERT} that the primary key admits only when the account has no row. Whichever statement
   * the database lets through wins; a duplicate key means another owner holds the lease. Each
   * acquisition gets a fresh token.
   *
   * @throws IllegalArgumentException when {@code ttl} is zero or negative
   */
  @Override
  public Optional<RunLease> tryAcquireLease(String accountId, String owner, Instant now, Duration ttl) {
    requireNonNull(accountId, "accountId == null");
    requireNonNull(owner, "owner == null");
    requireNonNull(now, "now == null");
    requireTtl(ttl);
    RunLease lease = new RunLease(accountId, owner, tokens.get(), now, now.plus(ttl));
    String op = "acquire the run lease for " + owner;
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        int taken = update(c, "UPDATE " + prefix + "lease"
                + " SET owner_name = ?, lease_token = ?, acquired_at = ?, expires_at = ?"
                + " WHERE account_id = ? AND expires_at <= ?",
            owner, lease.token(), toDecimal(now), toDecimal(lease.expiresAt()), accountId, toDecimal(now));
        if (taken == 0) {
          update(c, "INSERT INTO " + prefix + "lease (" + LEASE_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
              accountId, owner, lease.token(), toDecimal(now), toDecimal(lease.expiresAt()));
        }
        c.commit();
        return Optional.of(lease);
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        restoreAutoCommit(c, autoCommit);
      }
    } catch (SQLException e) {
      if (isIntegrityViolation(e)) {
        return Optional.empty(); // the account has a row: held (or just taken) by someone else
      }
      throw failure(op, accountId, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Succeeds while the row still carries this lease's token, even past its expiry when nobody took
   * it meanwhile.
   *
   * @throws IllegalArgumentException when {@code ttl} is zero or negative
   */
  @Override
  public Optional<RunLease> renewLease(RunLease lease, Instant now, Duration ttl) {
    requireNonNull(lease, "lease == null");
    requireNonNull(now, "now == null");
    requireTtl(ttl);
    Instant expiresAt = now.plus(ttl);
    int renewed = transact("renew the run lease of " + lease.owner(), lease.accountId(), c -> update(c,
        "UPDATE " + prefix + "lease SET expires_at = ? WHERE account_id = ? AND lease_token = ?",
        toDecimal(expiresAt), lease.accountId(), lease.token()));
    return renewed == 1
        ? Optional.of(new RunLease(lease.accountId(), lease.owner(), lease.token(), lease.acquiredAt(), expiresAt))
        : Optional.empty();
  }

  @Override
  public Optional<RunLease> currentLease(String accountId) {
    requireNonNull(accountId, "accountId == null");
    return querySingle("read the run lease", accountId,
        "SELECT " + LEASE_COLUMNS + " FROM " + prefix + "lease WHERE account_id = ?",
        rs -> new RunLease(rs.getString(1), rs.getString(2), rs.getString(3),
            toInstant(rs.getBigDecimal(4)), toInstant(rs.getBigDecimal(5))),
        accountId);
  }

  @Override
  public void releaseLease(RunLease lease) {
    requireNonNull(lease, "lease == null");
    transact("release the run lease of " + lease.owner(), lease.accountId(), c -> update(c,
        "DELETE FROM " + prefix + "lease WHERE account_id = ? AND lease_token = ?",
        lease.accountId(), lease.token()));
  }

  private static void requireTtl(Duration ttl) {
    requireNonNull(ttl, "ttl == null");
    if (ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
  }

  // ---- machinery ---------------------------------------------------------------------------------

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> Optional<T> querySingle(String op, String accountId, String sql, RowReader<T> reader,
      Object... params) {
    List<T> rows = queryList(op, accountId, sql, reader, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private <T> List<T> queryList(String op, String accountId, String sql, RowReader<T> reader,
      Object... params) {
    return transact(op, accountId, c -> {
      try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          try {
            rows.add(reader.read(rs));
          } catch (IllegalArgumentException | NullPointerException corrupt) {
            throw new PcoSyncException(ErrorCode.STATE_STORE_FAILURE, "JDBC state store: cannot " + op
                + " for account " + accountId + ": a row in the " + prefix + " tables is malformed: "
                + corrupt.getMessage(), corrupt);
          }
        }
        return rows;
      }
    });
  }

  /** UPDATE, else INSERT; a concurrent INSERT of the same key makes the transaction retry. */
  private void upsert(String op, String accountId, String updateSql, Object[] updateParams,
      String insertSql, Object[] insertParams) {
    transact(op, accountId, c -> {
      if (update(c, updateSql, updateParams) == 0) {
        update(c, insertSql, insertParams);
      }
      return null;
    });
  }

  private <T> T transact(String op, String accountId, SqlWork<T> work) {
    return transact(op, accountId, work, null);
  }

  /**
   * Runs {@code work} in a transaction of its own. An integrity violation (a concurrent insert of
   * the same key) or a serialization failure or deadlock retries it; when those persist,
   * {@code onIntegrityViolation} (if given) makes the exception.
   */
  private <T> T transact(String op, String accountId, SqlWork<T> work,
      Function<SQLException, RuntimeException> onIntegrityViolation) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
          c.setAutoCommit(false);
        }
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException | Error e) {
          rollbackQuietly(c, e);
          throw e;
        } finally {
          restoreAutoCommit(c, autoCommit);
        }
      } catch (SQLException e) {
        boolean retryable = isIntegrityViolation(e) || isTransient(e);
        if (retryable && attempt < MAX_ATTEMPTS) {
          continue;
        }
        if (isIntegrityViolation(e) && onIntegrityViolation != null) {
          RuntimeException mapped = onIntegrityViolation.apply(e);
          mapped.initCause(e);
          throw mapped;
        }
        throw failure(op, accountId, e);
      }
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        if (p == null) {
          // VARCHAR for nullable ids and DECIMAL for nullable instants: the only nullable columns.
          ps.setNull(i + 1, java.sql.Types.NULL);
        } else if (p instanceof BigDecimal d) {
          ps.setBigDecimal(i + 1, d);
        } else {
          ps.setString(i + 1, (String) p);
        }
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  private static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, params)) {
      return ps.executeUpdate();
    }
  }

  private PcoSyncException failure(String op, String accountId, SQLException e) {
    String where = accountId == null ? "" : " for account " + accountId;
    return new PcoSyncException(ErrorCode.STATE_STORE_FAILURE, "JDBC state store (tables " + prefix
        + "*): cannot " + op + where + ": " + e.getMessage(), e);
  }

  /** SQLState class 23: a unique or primary key (or other integrity) constraint refused the row. */
  static boolean isIntegrityViolation(SQLException e) {
    return sqlStateClass(e, "23");
  }

  /** SQLState class 40: serialization failure or deadlock; the transaction may simply be retried. */
  private static boolean isTransient(SQLException e) {
    return sqlStateClass(e, "40");
  }

  private static boolean sqlStateClass(SQLException e, String sqlClass) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (x.getSQLState() != null && x.getSQLState().startsWith(sqlClass)) {
        return true;
      }
    }
    return false;
  }

  static void rollbackQuietly(Connection c, Throwable failure) {
    try {
      c.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  static void restoreAutoCommit(Connection c, boolean autoCommit) {
    try {
      if (c.getAutoCommit() != autoCommit) {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException ignored) {
      // The connection is broken; closing it is all that is left.
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  /** Epoch seconds with nine decimals, exact; {@code null} stays {@code null}. */
  static BigDecimal toDecimal(Instant instant) {
    if (instant == null) {
      return null;
    }
    return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
  }

  /** The inverse of {@link #toDecimal(Instant)}; {@code null} stays {@code null}. */
  static Instant toInstant(BigDecimal seconds) {
    if (seconds == null) {
      return null;
    }
    BigInteger nanos = seconds.multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    BigInteger[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND.toBigIntegerExact());
    return Instant.ofEpochSecond(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
  }

  /**
   * Configures a {@link JdbcSyncStateStore}. Not thread-safe; {@link #build()} copies what it holds.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> tokens = () -> UUID.randomUUID().toString();

    private Builder(DataSource dataSource) {
      this.dataSource = requireNonNull(dataSource, "dataSource == null");
    }

    /**
     * Sets the prefix of every table name (default {@value JdbcSyncStateStore#DEFAULT_TABLE_PREFIX}): a letter, then
     * up to 29 letters, digits or underscores, so two stores can share one schema.
     *
     * @throws IllegalArgumentException for any other prefix
     */
    public Builder tablePrefix(String tablePrefix) {
      requireNonNull(tablePrefix, "tablePrefix == null");
      if (!PREFIX.matcher(tablePrefix).matches()) {
        throw new IllegalArgumentException("tablePrefix must be a letter then up to 29 letters, digits"
            + " or underscores: " + tablePrefix);
      }
      this.tablePrefix = tablePrefix;
      return this;
    }

    /** Sets the clock that stamps {@code installed_at} in the schema version table (default UTC). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets where lease tokens come from (default random UUIDs). Every call must return a new,
     * non-blank value, unique across every process sharing the tables.
     */
    public Builder leaseTokens(Supplier<String> tokens) {
      this.tokens = requireNonNull(tokens, "tokens == null");
      return this;
    }

    /** Returns the store. It does not touch the database: call {@link JdbcSyncStateStore#migrate()}. */
    public JdbcSyncStateStore build() {
      return new JdbcSyncStateStore(this);
    }
  }
}
