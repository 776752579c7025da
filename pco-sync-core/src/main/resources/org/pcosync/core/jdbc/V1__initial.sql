-- pco-sync JDBC state store, schema version 1: every table of JdbcSyncStateStore.
--
-- ${prefix} is replaced by the store's table prefix (default pcosync_). Portable SQL, run on H2 and
-- PostgreSQL:
-- * Instants are DECIMAL(30,9): seconds since 1970-01-01T00:00:00Z, exact to the nanosecond (what
--   java.time.Instant holds; TIMESTAMP WITH TIME ZONE keeps microseconds on PostgreSQL, BIGINT
--   millis keeps milliseconds, and either would make a saved value differ from the one read back).
--   In psql: to_timestamp(expires_at).
-- * Unbounded text is TEXT (PostgreSQL's text, H2's CLOB alias).
-- * Statements are idempotent (IF NOT EXISTS): on a database without transactional DDL (H2, MySQL)
--   a script may run twice (a crash half-way, or two processes migrating at once); only its row in
--   ${prefix}schema_version is guarded, by that table's primary key.
-- Statements end with a semicolon at the end of a line; the runner splits there.

-- One row per linked host person; both directions are one-to-one within an account.
CREATE TABLE IF NOT EXISTS ${prefix}link (
  account_id       VARCHAR(255)  NOT NULL,
  host_stable_id   VARCHAR(255)  NOT NULL,
  pco_person_id    VARCHAR(255)  NOT NULL,
  host_base        TEXT,
  pco_base         TEXT,
  rejected_values  TEXT,
  rejected_reasons TEXT,
  linked_at        DECIMAL(30,9) NOT NULL,
  synced_at        DECIMAL(30,9),
  CONSTRAINT ${prefix}link_pk PRIMARY KEY (account_id, host_stable_id),
  CONSTRAINT ${prefix}link_pco_uk UNIQUE (account_id, pco_person_id)
);

CREATE TABLE IF NOT EXISTS ${prefix}cursor (
  account_id  VARCHAR(255)  NOT NULL,
  cursor_name VARCHAR(255)  NOT NULL,
  cursor_at   DECIMAL(30,9) NOT NULL,
  CONSTRAINT ${prefix}cursor_pk PRIMARY KEY (account_id, cursor_name)
);

CREATE TABLE IF NOT EXISTS ${prefix}checkpoint (
  account_id       VARCHAR(255) NOT NULL,
  checkpoint_name  VARCHAR(255) NOT NULL,
  checkpoint_value TEXT         NOT NULL,
  CONSTRAINT ${prefix}checkpoint_pk PRIMARY KEY (account_id, checkpoint_name)
);

CREATE TABLE IF NOT EXISTS ${prefix}create_intent (
  account_id     VARCHAR(255)  NOT NULL,
  host_stable_id VARCHAR(255)  NOT NULL,
  host_person_id VARCHAR(255)  NOT NULL,
  started_at     DECIMAL(30,9) NOT NULL,
  pco_person_id  VARCHAR(255),
  CONSTRAINT ${prefix}create_intent_pk PRIMARY KEY (account_id, host_stable_id)
);

CREATE TABLE IF NOT EXISTS ${prefix}journal (
  account_id VARCHAR(255)  NOT NULL,
  entry_id   VARCHAR(255)  NOT NULL,
  kind       VARCHAR(32)   NOT NULL,
  status     VARCHAR(32)   NOT NULL,
  created_at DECIMAL(30,9) NOT NULL,
  updated_at DECIMAL(30,9) NOT NULL,
  summary    TEXT          NOT NULL,
  payload    TEXT          NOT NULL,
  CONSTRAINT ${prefix}journal_pk PRIMARY KEY (account_id, entry_id)
);

CREATE INDEX IF NOT EXISTS ${prefix}journal_created_ix ON ${prefix}journal (account_id, created_at);

-- At most one row per account: taken by a conditional UPDATE of an expired row, or an INSERT
-- guarded by the primary key; renewed and released only with its token.
CREATE TABLE IF NOT EXISTS ${prefix}lease (
  account_id  VARCHAR(255)  NOT NULL,
  owner_name  VARCHAR(255)  NOT NULL,
  lease_token VARCHAR(255)  NOT NULL,
  acquired_at DECIMAL(30,9) NOT NULL,
  expires_at  DECIMAL(30,9) NOT NULL,
  CONSTRAINT ${prefix}lease_pk PRIMARY KEY (account_id)
);
