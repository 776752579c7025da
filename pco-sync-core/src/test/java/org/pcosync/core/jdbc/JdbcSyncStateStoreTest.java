package org.pcosync.core.jdbc;

/** {@link JdbcSyncStateStore} on H2 (in memory, H2's own mode). */
final class JdbcSyncStateStoreTest extends JdbcSyncStateStoreBehaviour {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.h2();
  }
}
