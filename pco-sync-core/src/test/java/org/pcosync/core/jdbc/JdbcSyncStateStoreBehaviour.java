package org.pcosync.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pcosync.api.CreateIntent;
import org.pcosync.api.ErrorCode;
import org.pcosync.api.FieldSnapshot;
import org.pcosync.api.JournalEntry;
import org.pcosync.api.JournalEntry.Kind;
import org.pcosync.api.JournalEntry.Status;
import org.pcosync.api.Link;
import org.pcosync.api.LinkConflictException;
import org.pcosync.api.PcoSyncException;
import org.pcosync.api.RunLease;
import org.pcosync.api.SyncField;

/**
 * What {@link JdbcSyncStateStore} does on one kind of database; each subclass names the database.
 * Every test gets a fresh database (or, on a shared server, tables of its own prefix).
 */
abstract class JdbcSyncStateStoreBehaviour {
  static final String ACCOUNT = "church-1";
  static final String OTHER_ACCOUNT = "church-2";
  static final Instant T0 = Instant.parse("2026-01-05T09:00:00.123456789Z");
  static final Duration TTL = Duration.ofMinutes(5);

  /** Every character class a snapshot must survive: accents, CJK, emoji, newlines, CR, backslash, '='. */
  static final FieldSnapshot HOST_BASE = FieldSnapshot.EMPTY
      .with(SyncField.FIRST_NAME, "Zoë")
      .with(SyncField.LAST_NAME, "Ñúñez-李 🙂")
      .with(SyncField.EMAIL, "zoe@example.org")
      .with(SyncField.HOME_ADDRESS, "12 Rue de l'Église\nApt 3\r\nParis \\ 75001 = FR")
      .with(SyncField.TAGS, "11,12,13");
  static final FieldSnapshot PCO_BASE = HOST_BASE.with(SyncField.PERMISSION, "EDITOR");
  static final FieldSnapshot REJECTED_VALUES = FieldSnapshot.EMPTY.with(SyncField.MOBILE_PHONE, "555\n0199");
  static final FieldSnapshot REJECTED_REASONS =
      FieldSnapshot.EMPTY.with(SyncField.MOBILE_PHONE, "number is invalid — «ungültig»\nline 2");

  TestDatabase database;
  JdbcSyncStateStore store;

  /** Returns a fresh database for one test. */
  abstract TestDatabase newDatabase();

  @BeforeEach
  final void createStore() {
    database = newDatabase();
    store = database.newStore();
    store.migrate();
  }

  @AfterEach
  final void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  static Link fullLink(String host, String pco) {
    return new Link(ACCOUNT, host, pco, HOST_BASE, PCO_BASE, REJECTED_VALUES, REJECTED_REASONS, T0,
        T0.plusSeconds(60));
  }

  static JournalEntry entry(String account, String id, Instant createdAt) {
    return new JournalEntry(account, id, Kind.RUN, Status.APPLIED, createdAt, createdAt, "1 updated",
        "update " + id);
  }

  // ---- links -----------------------------------------------------------------------------------

  @Test
  void roundTripsLinkWithBothSnapshotsRejectionsAndTimes() {
    Link link = fullLink("h1", "p1");

    store.saveLink(link);

    assertThat(store.linkByHost(ACCOUNT, "h1")).contains(link);
    assertThat(store.linkByHost(ACCOUNT, "h1").orElseThrow().hostBase().get(SyncField.HOME_ADDRESS))
        .isEqualTo("12 Rue de l'Église\nApt 3\r\nParis \\ 75001 = FR");
  }

  @Test
  void roundTripsNewLinkWithoutBasesOrSyncTime() {
    Link link = Link.create(ACCOUNT, "h1", "p1", T0);

    store.saveLink(link);

    assertThat(store.linkByHost(ACCOUNT, "h1")).contains(link);
  }

  @Test
  void findsLinkByPcoPerson() {
    store.saveLink(fullLink("h1", "p1"));

    assertThat(store.linkByPco(ACCOUNT, "p1")).contains(fullLink("h1", "p1"));
    assertThat(store.linkByPco(ACCOUNT, "p2")).isEmpty();
    assertThat(store.linkByHost(ACCOUNT, "h2")).isEmpty();
  }

  @Test
  void listsOnlyTheAccountsLinks() {
    store.saveLink(fullLink("h1", "p1"));
    store.saveLink(fullLink("h2", "p2"));
    store.saveLink(Link.create(OTHER_ACCOUNT, "h3", "p3", T0));

    assertThat(store.links(ACCOUNT)).containsExactlyInAnyOrder(fullLink("h1", "p1"), fullLink("h2", "p2"));
  }

  @Test
  void savingLinkOfSameHostPersonReplacesIt() {
    store.saveLink(fullLink("h1", "p1"));
    Link moved = fullLink("h1", "p1").withPcoPersonId("p9").withBases(FieldSnapshot.EMPTY, PCO_BASE, T0.plusSeconds(5));

    store.saveLink(moved);

    assertThat(store.linkByHost(ACCOUNT, "h1")).contains(moved);
    assertThat(store.linkByPco(ACCOUNT, "p1")).isEmpty();
    assertThat(store.links(ACCOUNT)).containsExactly(moved);
  }

  @Test
  void refusesToLinkPcoPersonToSecondHostPersonAndChangesNothing() {
    store.saveLink(fullLink("h1", "p1"));

    assertThatThrownBy(() -> store.saveLink(fullLink("h2", "p1")))
        .isInstanceOf(LinkConflictException.class)
        .hasMessageContaining("p1")
        .hasMessageContaining("h1")
        .hasMessageContaining("h2");

    assertThat(store.links(ACCOUNT)).containsExactly(fullLink("h1", "p1"));
  }

  @Test
  void refusesToPointHostPersonAtPcoPersonLinkedElsewhereAndChangesNothing() {
    store.saveLink(fullLink("h1", "p1"));
    store.saveLink(fullLink("h2", "p2"));

    assertThatThrownBy(() -> store.saveLink(fullLink("h1", "p2"))).isInstanceOf(LinkConflictException.class);

    assertThat(store.links(ACCOUNT)).containsExactlyInAnyOrder(fullLink("h1", "p1"), fullLink("h2", "p2"));
  }

  @Test
  void sameIdsInAnotherAccountDoNotConflict() {
    store.saveLink(fullLink("h1", "p1"));
    Link other = Link.create(OTHER_ACCOUNT, "h2", "p1", T0);

    store.saveLink(other);

    assertThat(store.linkByPco(OTHER_ACCOUNT, "p1")).contains(other);
    assertThat(store.linkByPco(ACCOUNT, "p1")).contains(fullLink("h1", "p1"));
  }

  @Test
  void deleteLinkReportsWhetherThereWasOne() {
    store.saveLink(fullLink("h1", "p1"));

    assertThat(store.deleteLink(ACCOUNT, "h1")).isTrue();
    assertThat(store.deleteLink(ACCOUNT, "h1")).isFalse();
    assertThat(store.linkByPco(ACCOUNT, "p1")).isEmpty();
  }

  @Test
  void twoProcessesLinkingOnePcoPersonToDifferentHostPeopleLeaveExactlyOneLink() throws Exception {
    List<Callable<String>> tasks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      JdbcSyncStateStore process = database.newStore();
      String host = "h" + i;
      tasks.add(() -> {
        process.saveLink(Link.create(ACCOUNT, host, "p1", T0));
        return host;
      });
    }

    List<Race.Outcome<String>> outcomes = Race.run(tasks);

    List<String> winners = outcomes.stream().filter(o -> o.failure() == null).map(Race.Outcome::value).toList();
    assertThat(winners).hasSize(1);
    assertThat(outcomes.stream().filter(o -> o.failure() != null).map(Race.Outcome::failure))
        .allSatisfy(f -> assertThat(f).isInstanceOf(LinkConflictException.class));
    assertThat(store.links(ACCOUNT)).containsExactly(Link.create(ACCOUNT, winners.get(0), "p1", T0));
  }

  // ---- cursors and checkpoints -------------------------------------------------------------------

  @Test
  void roundTripsCursorToTheNanosecondAndOverwritesIt() {
    store.saveCursor(ACCOUNT, "people.updated_at", T0);
    assertThat(store.cursor(ACCOUNT, "people.updated_at")).contains(T0);

    store.saveCursor(ACCOUNT, "people.updated_at", T0.plusNanos(1));

    assertThat(store.cursor(ACCOUNT, "people.updated_at")).contains(T0.plusNanos(1));
    assertThat(store.cursor(OTHER_ACCOUNT, "people.updated_at")).isEmpty();
    assertThat(store.cursor(ACCOUNT, "services.updated_at")).isEmpty();
  }

  @Test
  void roundTripsInstantsAtTheEdgesOfTheirRange() {
    List<Instant> edges = List.of(Instant.EPOCH, Instant.EPOCH.minusNanos(1), Instant.MIN, Instant.MAX,
        Instant.parse("1969-12-31T23:59:59.999999999Z"));

    for (Instant edge : edges) {
      store.saveCursor(ACCOUNT, "c", edge);
      assertThat(store.cursor(ACCOUNT, "c")).contains(edge);
    }
  }

  @Test
  void roundTripsCheckpointTextAndClearsIt() {
    String value = "offset=300\npage 4 — Zoë 🙂 \\ done";
    store.saveCheckpoint(ACCOUNT, "import", "offset=200");
    store.saveCheckpoint(ACCOUNT, "import", value);

    assertThat(store.checkpoint(ACCOUNT, "import")).contains(value);

    store.clearCheckpoint(ACCOUNT, "import");
    store.clearCheckpoint(ACCOUNT, "import");
    assertThat(store.checkpoint(ACCOUNT, "import")).isEmpty();
  }

  // ---- create intents ------------------------------------------------------------------------------

  @Test
  void roundTripsCreateIntentBeforeAndAfterThePcoPersonExists() {
    CreateIntent open = new CreateIntent(ACCOUNT, "h1", "1042", T0, null);
    store.saveCreateIntent(open);
    assertThat(store.createIntent(ACCOUNT, "h1")).contains(open);

    CreateIntent answered = open.withPcoPersonId("p77");
    store.saveCreateIntent(answered);

    assertThat(store.createIntent(ACCOUNT, "h1")).contains(answered);
    assertThat(store.createIntents(ACCOUNT)).containsExactly(answered);
  }

  @Test
  void listsOnlyTheAccountsCreateIntentsAndDeletesThem() {
    CreateIntent a = new CreateIntent(ACCOUNT, "h1", "1", T0, null);
    CreateIntent b = new CreateIntent(ACCOUNT, "h2", "2", T0.plusSeconds(1), "p2");
    store.saveCreateIntent(a);
    store.saveCreateIntent(b);
    store.saveCreateIntent(new CreateIntent(OTHER_ACCOUNT, "h1", "1", T0, null));

    assertThat(store.createIntents(ACCOUNT)).containsExactlyInAnyOrder(a, b);

    store.deleteCreateIntent(ACCOUNT, "h1");
    store.deleteCreateIntent(ACCOUNT, "h1");
    assertThat(store.createIntent(ACCOUNT, "h1")).isEmpty();
    assertThat(store.createIntents(ACCOUNT)).containsExactly(b);
  }

  // ---- journal ----------------------------------------------------------------------------------

  @Test
  void roundTripsJournalEntryWithALargeMultilinePayload() {
    StringBuilder payload = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      payload.append("UPDATE h").append(i).append(" FIRST_NAME \"Zoë\" → \"Zoé 🙂\"\r\n\\\t\n");
    }
    JournalEntry entry = new JournalEntry(ACCOUNT, "run-1", Kind.HELD_PLAN, Status.HELD, T0, T0,
        "20000 updated — held", payload.toString());

    store.saveJournalEntry(entry);

    assertThat(store.journalEntry(ACCOUNT, "run-1")).contains(entry);
  }

  @Test
  void savingJournalEntryWithSameIdReplacesIt() {
    JournalEntry held = new JournalEntry(ACCOUNT, "c1", Kind.CONFLICT, Status.HELD, T0, T0, "conflict", "x");
    store.saveJournalEntry(held);

    JournalEntry resolved = held.withStatus(Status.RESOLVED, T0.plusSeconds(30));
    store.saveJournalEntry(resolved);

    assertThat(store.journalEntry(ACCOUNT, "c1")).contains(resolved);
    assertThat(store.journal(ACCOUNT)).containsExactly(resolved);
  }

  @Test
  void listsJournalEntriesCreatedAtTheSameInstantInIdOrder() {
    store.saveJournalEntry(entry(ACCOUNT, "run-2", T0));
    store.saveJournalEntry(entry(ACCOUNT, "run-1", T0));

    assertThat(store.journal(ACCOUNT)).extracting(JournalEntry::id).containsExactly("run-1", "run-2");
  }

  @Test
  void listsTheAccountsJournalNewestFirst() {
    JournalEntry oldest = entry(ACCOUNT, "b", T0);
    JournalEntry newest = entry(ACCOUNT, "a", T0.plusNanos(2));
    JournalEntry middle = entry(ACCOUNT, "c", T0.plusNanos(1));
    store.saveJournalEntry(oldest);
    store.saveJournalEntry(newest);
    store.saveJournalEntry(middle);
    store.saveJournalEntry(entry(OTHER_ACCOUNT, "d", T0.plusSeconds(9)));

    assertThat(store.journal(ACCOUNT)).containsExactly(newest, middle, oldest);
    assertThat(store.journalEntry(ACCOUNT, "d")).isEmpty();
  }

  // ---- run lease ---------------------------------------------------------------------------------

  @Test
  void acquiresFreeLeaseUntilNowPlusTtl() {
    Optional<RunLease> lease = store.tryAcquireLease(ACCOUNT, "host-a/pid-1", T0, TTL);

    assertThat(lease).hasValueSatisfying(l -> {
      assertThat(l.accountId()).isEqualTo(ACCOUNT);
      assertThat(l.owner()).isEqualTo("host-a/pid-1");
      assertThat(l.token()).isNotBlank();
      assertThat(l.acquiredAt()).isEqualTo(T0);
      assertThat(l.expiresAt()).isEqualTo(T0.plus(TTL));
    });
    assertThat(store.currentLease(ACCOUNT)).isEqualTo(lease);
  }

  @Test
  void refusesLeaseWhileAnotherOwnerHoldsIt() {
    store.tryAcquireLease(ACCOUNT, "a", T0, TTL).orElseThrow();

    assertThat(store.tryAcquireLease(ACCOUNT, "b", T0.plus(TTL).minusNanos(1), TTL)).isEmpty();
    assertThat(store.tryAcquireLease(OTHER_ACCOUNT, "b", T0, TTL)).isPresent();
    assertThat(store.currentLease(ACCOUNT).orElseThrow().owner()).isEqualTo("a");
  }

  @Test
  void takesOverLeaseThatExpiredAtTheSuppliedInstant() {
    RunLease first = store.tryAcquireLease(ACCOUNT, "a", T0, TTL).orElseThrow();

    Optional<RunLease> second = store.tryAcquireLease(ACCOUNT, "b", first.expiresAt(), TTL);

    assertThat(second).hasValueSatisfying(l -> {
      assertThat(l.owner()).isEqualTo("b");
      assertThat(l.token()).isNotEqualTo(first.token());
      assertThat(l.expiresAt()).isEqualTo(first.expiresAt().plus(TTL));
    });
    assertThat(store.currentLease(ACCOUNT)).isEqualTo(second);
  }

  @Test
  void renewExtendsHeldLease() {
    RunLease lease = store.tryAcquireLease(ACCOUNT, "a", T0, TTL).orElseThrow();

    Optional<RunLease> renewed = store.renewLease(lease, T0.plusSeconds(60), TTL);

    assertThat(renewed).contains(new RunLease(ACCOUNT, "a", lease.token(), T0, T0.plusSeconds(60).plus(TTL)));
    assertThat(store.currentLease(ACCOUNT)).isEqualTo(renewed);
    assertThat(store.tryAcquireLease(ACCOUNT, "b", lease.expiresAt(), TTL)).isEmpty();
  }

  @Test
  void renewsExpiredLeaseNobodyTook() {
    RunLease lease = store.tryAcquireLease(ACCOUNT, "a", T0, TTL).orElseThrow();

    assertThat(store.renewLease(lease, lease.expiresAt().plusSeconds(1), TTL)).isPresent();
  }

  @Test
  void renewAfterLosingTheLeaseFailsAndReleaseLeavesTheNewHolder() {
    RunLease lost = store.tryAcquireLease(ACCOUNT, "a", T0, TTL).orElseThrow();
    RunLease taken = store.tryAcquireLease(ACCOUNT, "b", lost.expiresAt(), TTL).orElseThrow();

    assertThat(store.renewLease(lost, lost.expiresAt(), TTL)).isEmpty();
    store.releaseLease(lost);

    assertThat(store.currentLease(ACCOUNT)).contains(taken);
  }

  @Test
  void releaseFreesLeaseForAnotherOwner() {
    RunLease lease = store.tryAcquireLease(ACCOUNT, "a", T0, TTL).orElseThrow();

    store.releaseLease(lease);

    assertThat(store.currentLease(ACCOUNT)).isEmpty();
    assertThat(store.tryAcquireLease(ACCOUNT, "b", T0, TTL)).isPresent();
  }

  @Test
  void leaseTakenThroughOneProcessIsSeenAndRespectedByAnother() {
    JdbcSyncStateStore otherProcess = database.newStore();
    RunLease lease = store.tryAcquireLease(ACCOUNT, "a", T0, TTL).orElseThrow();

    assertThat(otherProcess.currentLease(ACCOUNT)).contains(lease);
    assertThat(otherProcess.tryAcquireLease(ACCOUNT, "b", T0, TTL)).isEmpty();
    assertThat(otherProcess.renewLease(lease, T0.plusSeconds(1), TTL)).isPresent();
  }

  @Test
  void rejectsNonPositiveTtl() {
    assertThatThrownBy(() -> store.tryAcquireLease(ACCOUNT, "a", T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void processesRacingForAFreeLeaseLeaveExactlyOneWinner() throws Exception {
    for (int round = 0; round < 10; round++) {
      assertExactlyOneWins("free-" + round);
    }
  }

  @Test
  void processesRacingForAnExpiredLeaseLeaveExactlyOneWinner() throws Exception {
    for (int round = 0; round < 10; round++) {
      String account = "expired-" + round;
      store.tryAcquireLease(account, "crashed", T0.minus(TTL).minusSeconds(1), TTL).orElseThrow();
      assertExactlyOneWins(account);
    }
  }

  private void assertExactlyOneWins(String account) throws Exception {
    List<Callable<Optional<RunLease>>> tasks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      JdbcSyncStateStore process = database.newStore();
      String owner = "process-" + i;
      tasks.add(() -> process.tryAcquireLease(account, owner, T0, TTL));
    }

    List<Race.Outcome<Optional<RunLease>>> outcomes = Race.run(tasks);

    assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
    List<RunLease> winners = outcomes.stream().flatMap(o -> o.value().stream()).toList();
    assertThat(winners).as("winners for %s", account).hasSize(1);
    assertThat(store.currentLease(account)).contains(winners.get(0));
  }

  // ---- migration, prefixes, failures ---------------------------------------------------------------

  @Test
  void migrateIsIdempotent() throws Exception {
    assertThat(store.migrate()).isZero();
    assertThat(database.newStore().migrate()).isZero();

    assertThat(schemaVersions(store)).containsExactly(JdbcSyncStateStore.latestSchemaVersion());
  }

  @Test
  void migrateRerunsAScriptThatRanWithoutRecordingItsVersion() throws Exception {
    store.saveLink(fullLink("h1", "p1"));
    database.execute("DELETE FROM " + store.tablePrefix() + "schema_version");

    assertThat(store.migrate()).isEqualTo(JdbcSyncStateStore.latestSchemaVersion());

    assertThat(schemaVersions(store)).containsExactly(JdbcSyncStateStore.latestSchemaVersion());
    assertThat(store.links(ACCOUNT)).containsExactly(fullLink("h1", "p1"));
  }

  @Test
  void migrateLeavesAVersionFromANewerReleaseAlone() throws Exception {
    database.execute("INSERT INTO " + store.tablePrefix() + "schema_version (version, description, installed_at)"
        + " VALUES (999, 'from the future', 0)");

    assertThat(store.migrate()).isZero();

    store.saveCursor(ACCOUNT, "c", T0);
    assertThat(store.cursor(ACCOUNT, "c")).contains(T0);
  }

  @Test
  void processesMigratingAFreshDatabaseTogetherApplyEachVersionOnce() throws Exception {
    JdbcSyncStateStore fresh = database.newStore().newBuilder().tablePrefix(database.tablePrefix() + "fresh_").build();
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      JdbcSyncStateStore process = fresh.newBuilder().build();
      tasks.add(process::migrate);
    }

    List<Race.Outcome<Integer>> outcomes = Race.run(tasks);

    assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
    assertThat(outcomes.stream().mapToInt(Race.Outcome::value).sum())
        .isEqualTo(JdbcSyncStateStore.latestSchemaVersion());
    assertThat(schemaVersions(fresh)).containsExactly(JdbcSyncStateStore.latestSchemaVersion());
    fresh.saveLink(fullLink("h1", "p1"));
    assertThat(fresh.links(ACCOUNT)).containsExactly(fullLink("h1", "p1"));
    dropTables(database.tablePrefix() + "fresh_");
  }

  @Test
  void storesWithDifferentPrefixesKeepSeparateState() throws Exception {
    JdbcSyncStateStore second = database.newStore().newBuilder().tablePrefix(database.tablePrefix() + "second_").build();
    assertThat(second.migrate()).isEqualTo(JdbcSyncStateStore.latestSchemaVersion());

    store.saveLink(fullLink("h1", "p1"));

    assertThat(second.links(ACCOUNT)).isEmpty();
    assertThat(second.tablePrefix()).isEqualTo(database.tablePrefix() + "second_");
    dropTables(database.tablePrefix() + "second_");
  }

  @Test
  void everythingSurvivesANewStoreInstance() {
    store.saveLink(fullLink("h1", "p1"));
    store.saveCursor(ACCOUNT, "c", T0);
    store.saveCheckpoint(ACCOUNT, "k", "v");
    store.saveCreateIntent(new CreateIntent(ACCOUNT, "h2", "2", T0, null));
    store.saveJournalEntry(entry(ACCOUNT, "j", T0));
    RunLease lease = store.tryAcquireLease(ACCOUNT, "a", T0, TTL).orElseThrow();

    JdbcSyncStateStore restarted = database.newStore();

    assertThat(restarted.links(ACCOUNT)).containsExactly(fullLink("h1", "p1"));
    assertThat(restarted.cursor(ACCOUNT, "c")).contains(T0);
    assertThat(restarted.checkpoint(ACCOUNT, "k")).contains("v");
    assertThat(restarted.createIntents(ACCOUNT)).containsExactly(new CreateIntent(ACCOUNT, "h2", "2", T0, null));
    assertThat(restarted.journal(ACCOUNT)).containsExactly(entry(ACCOUNT, "j", T0));
    assertThat(restarted.currentLease(ACCOUNT)).contains(lease);
  }

  @Test
  void commitsOverConnectionsHandedOutWithoutAutoCommit() {
    InstrumentedDataSource manualCommit = new InstrumentedDataSource(database.newDataSource(), false);
    JdbcSyncStateStore process = JdbcSyncStateStore.builder(manualCommit.dataSource())
        .tablePrefix(database.tablePrefix()).build();

    process.saveLink(fullLink("h1", "p1"));
    process.saveCursor(ACCOUNT, "c", T0);
    RunLease lease = process.tryAcquireLease(ACCOUNT, "a", T0, TTL).orElseThrow();
    RunLease renewed = process.renewLease(lease, T0.plusSeconds(1), TTL).orElseThrow();

    assertThat(store.links(ACCOUNT)).containsExactly(fullLink("h1", "p1"));
    assertThat(store.cursor(ACCOUNT, "c")).contains(T0);
    assertThat(store.currentLease(ACCOUNT)).contains(renewed);
    assertThat(process.tryAcquireLease(ACCOUNT, "b", T0, TTL)).isEmpty();
    assertThat(manualCommit.openConnections()).isZero();
  }

  @Test
  void closesEveryConnectionItBorrowsAlsoOnFailure() {
    InstrumentedDataSource counted = new InstrumentedDataSource(database.newDataSource(), true);
    JdbcSyncStateStore process = JdbcSyncStateStore.builder(counted.dataSource())
        .tablePrefix(database.tablePrefix()).build();
    process.saveLink(fullLink("h1", "p1"));
    process.tryAcquireLease(ACCOUNT, "a", T0, TTL).orElseThrow();

    assertThatThrownBy(() -> process.saveLink(fullLink("h2", "p1"))).isInstanceOf(LinkConflictException.class);
    assertThat(process.tryAcquireLease(ACCOUNT, "b", T0, TTL)).isEmpty();
    JdbcSyncStateStore missingTables = process.newBuilder().tablePrefix("missing_").build();
    assertThatThrownBy(() -> missingTables.journal(ACCOUNT)).isInstanceOf(PcoSyncException.class);
    assertThat(process.migrate()).isZero();

    assertThat(counted.openConnections()).isZero();
  }

  @Test
  void wrapsDatabaseFailuresNamingTheOperationAndAccount() {
    JdbcSyncStateStore unmigrated = store.newBuilder().tablePrefix("missing_").build();

    assertThatThrownBy(() -> unmigrated.linkByHost(ACCOUNT, "h1"))
        .isInstanceOf(PcoSyncException.class)
        .satisfies(e -> assertThat(((PcoSyncException) e).code()).isEqualTo(ErrorCode.STATE_STORE_FAILURE))
        .hasMessageContaining("read the link of host person h1")
        .hasMessageContaining(ACCOUNT)
        .hasCauseInstanceOf(java.sql.SQLException.class);
  }

  @Test
  void rejectsTablePrefixThatIsNotAPlainIdentifier() {
    for (String bad : List.of("", "1abc", "pco-sync_", "x; DROP TABLE y", "a".repeat(31))) {
      assertThatThrownBy(() -> store.newBuilder().tablePrefix(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private List<Integer> schemaVersions(JdbcSyncStateStore s) throws Exception {
    List<Integer> versions = new ArrayList<>();
    try (Connection c = database.newDataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM " + s.tablePrefix() + "schema_version ORDER BY version")) {
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
    }
    return versions;
  }

  private void dropTables(String prefix) throws Exception {
    for (String table : List.of("link", "cursor", "checkpoint", "create_intent", "journal", "lease", "schema_version")) {
      database.execute("DROP TABLE IF EXISTS " + prefix + table);
    }
  }
}
