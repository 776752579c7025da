/**
 * A {@link org.pcosync.api.spi.SyncStateStore} in any SQL database reached through a
 * {@link javax.sql.DataSource}: {@link org.pcosync.core.jdbc.JdbcSyncStateStore}, with its schema as
 * versioned SQL scripts beside it ({@code V1__initial.sql}, …) and a small migration runner.
 * Written for and tested on H2 and PostgreSQL.
 */
package org.pcosync.core.jdbc;
