package org.pcosync.core.jdbc;

/** {@link JdbcSyncStateStore} on H2 in PostgreSQL mode ({@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE}). */
final class JdbcSyncStateStorePostgresModeTest extends JdbcSyncStateStoreBehaviour {
  @Override
  TestDatabase newDatabase() {
    return TestDatabase.h2PostgresMode();
  }
}
