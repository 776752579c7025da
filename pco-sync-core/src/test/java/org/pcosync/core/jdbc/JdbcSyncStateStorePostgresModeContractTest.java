package org.pcosync.core.jdbc;

import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.testkit.contract.SyncStateStoreContract;

/**
 * The testkit's {@link SyncStateStoreContract} against {@link JdbcSyncStateStore} on H2 in
 * PostgreSQL mode ({@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE}).
 */
final class JdbcSyncStateStorePostgresModeContractTest extends SyncStateStoreContract<TestDatabase> {
  @Override
  protected TestDatabase createDatabase() {
    TestDatabase database = TestDatabase.h2PostgresMode();
    database.newStore().migrate();
    return database;
  }

  @Override
  protected SyncStateStore openStore(TestDatabase database) {
    return database.newStore();
  }

  @Override
  protected void dropDatabase(TestDatabase database) {
    database.closeUnchecked();
  }
}
