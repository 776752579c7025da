package org.pcosync.core.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link JdbcSyncStateStore} on a real PostgreSQL server; opt-in. Runs only when
 * {@code PCOSYNC_PG_URL} (environment variable or system property) holds a JDBC URL with user and
 * password, and the PostgreSQL driver is on the test class path, e.g.
 *
 * <pre>{@code
 * PCOSYNC_PG_URL='jdbc:postgresql://127.0.0.1:5432/pcosync?user=pcosync&password=pcosync' \
 *   mvn -o -pl pco-sync-core verify -Dtest='JdbcSyncStateStorePostgresServer*' \
 *   -Dmaven.test.additionalClasspath=$HOME/.m2/repository/org/postgresql/postgresql/42.7.13/postgresql-42.7.13.jar
 * }</pre>
 *
 * Each test works in tables of its own prefix and drops them afterwards.
 */
final class JdbcSyncStateStorePostgresServerTest extends JdbcSyncStateStoreBehaviour {
  @Override
  TestDatabase newDatabase() {
    TestDatabase database = TestDatabase.postgresServerOrNull();
    assumeTrue(database != null, "set " + TestDatabase.PG_URL + " to run against a PostgreSQL server");
    return database;
  }
}
