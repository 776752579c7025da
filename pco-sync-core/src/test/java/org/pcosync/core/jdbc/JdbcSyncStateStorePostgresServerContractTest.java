package org.pcosync.core.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.testkit.contract.SyncStateStoreContract;

/**
 * The testkit's {@link SyncStateStoreContract} against {@link JdbcSyncStateStore} on a real
 * PostgreSQL server; opt-in, as {@link JdbcSyncStateStorePostgresServerTest} (set
 * {@code PCOSYNC_PG_URL} and put the driver on the test class path). Tables of a per-test prefix,
 * dropped afterwards.
 */
final class JdbcSyncStateStorePostgresServerContractTest extends SyncStateStoreContract<TestDatabase> {
  @Override
  protected TestDatabase createDatabase() {
    TestDatabase database = TestDatabase.postgresServerOrNull();
    assumeTrue(database != null, "set " + TestDatabase.PG_URL + " to run against a PostgreSQL server");
    database.newStore().migrate();
    return database;
  }

  @Override
  protected SyncStateStore openStore(TestDatabase database) {
    return database.newStore();
  }

  @Override
  protected void dropDatabase(TestDatabase database) {
    if (database != null) {
      database.closeUnchecked();
    }
  }
}
