package org.pcosync.core.jdbc;

import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.testkit.contract.SyncStateStoreContract;

/**
 * The testkit's {@link SyncStateStoreContract} against {@link JdbcSyncStateStore} on H2 in memory.
 * Each store the kit opens has a data source of its own: a second process over the same database.
 */
final class JdbcSyncStateStoreContractTest extends SyncStateStoreContract<TestDatabase> {
  @Override
  protected TestDatabase createDatabase() {
    TestDatabase database = TestDatabase.h2();
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
