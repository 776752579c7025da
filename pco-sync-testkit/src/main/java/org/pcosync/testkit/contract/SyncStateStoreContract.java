package org.pcosync.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pcosync.api.CreateIntent;
import org.pcosync.api.FieldSnapshot;
import org.pcosync.api.JournalEntry;
import org.pcosync.api.JournalEntry.Kind;
import org.pcosync.api.JournalEntry.Status;
import org.pcosync.api.Link;
import org.pcosync.api.LinkConflictException;
import org.pcosync.api.RunLease;
import org.pcosync.api.SyncField;
import org.pcosync.api.spi.SyncStateStore;

/**
 * The contract of {@link SyncStateStore}, as a JUnit 5 test class a store's test extends.
 *
 * <pre>{@code
 * final class MyStoreContractTest extends SyncStateStoreContract<DataSource> {
 *   @Override
 *   protected DataSource createDatabase() {
 *     return TestDatabases.freshH2();              // empty, its schema created
 *   }
 *
 *   @Override
 *   protected SyncStateStore openStore(DataSource database) {
 *     return new MyStore(database);                // a new instance: like a process restart
 *   }
 * }
 * }</pre>
 *
 * <p>Every test gets fresh data from {@link #createDatabase()} and a store over it from
 * {@link #openStore}; tests that restart the process, or play a second machine, open a second store
 * over the same data. Instants in the kit have millisecond precision, so a store may keep them as
 * SQL timestamps; everything else must round-trip exactly. Lease tests pass {@code now} explicitly
 * and never wait; the race tests use real threads, bounded and started together.
 *
 * <p>Not thread-safe: JUnit creates one instance per test.
 *
 * @param <D> what a store is opened over: a data source, a directory, an in-memory database
 */
public abstract class SyncStateStoreContract<D> {

  /** The account the kit mostly uses. */
  public static final String ACCOUNT = "church-1";
  /** A second account, to check isolation. */
  public static final String OTHER_ACCOUNT = "church-2";
  /** The kit's "now". */
  public static final Instant T0 = Instant.parse("2026-01-05T09:00:00.123Z");
  /** The lease time-to-live the kit uses. */
  public static final Duration TTL = Duration.ofMinutes(5);

  /** A base with every character class a store must keep: accents, CJK, emoji, newlines, CR, backslash, '='. */
  public static final FieldSnapshot HOST_BASE = FieldSnapshot.EMPTY
      .with(SyncField.FIRST_NAME, "Zoë")
      .with(SyncField.LAST_NAME, "Ñúñez-李 🙂")
      .with(SyncField.EMAIL, "zoe@example.org")
      .with(SyncField.HOME_ADDRESS, "12 Rue de l'Église\nApt 3\r\nParis \\ 75001 = FR")
      .with(SyncField.TAGS, "11,12,13");
  /** A PCO base differing from {@link #HOST_BASE} in a one-way field. */
  public static final FieldSnapshot PCO_BASE = HOST_BASE.with(SyncField.PERMISSION, "EDITOR");
  /** A rejected value. */
  public static final FieldSnapshot REJECTED_VALUES = FieldSnapshot.EMPTY.with(SyncField.MOBILE_PHONE, "555\n0199");
  /** PCO's reason for the rejection. */
  public static final FieldSnapshot REJECTED_REASONS =
      FieldSnapshot.EMPTY.with(SyncField.MOBILE_PHONE, "number is invalid — «ungültig»\nline 2 \\n = not a newline");

  private static final int RACERS = 16;
  private static final int RACE_ROUNDS = 8;
  private static final long RACE_TIMEOUT_SECONDS = 60;

  /** The data the store under test was opened over, fresh for each test. */
  protected D database;

  /** The store under test, fresh for each test. */
  protected SyncStateStore store;

  /** Creates the kit; subclasses need a no-argument constructor. */
  protected SyncStateStoreContract() {}

  /** Returns new, empty data for one test (a fresh database, schema, or table prefix). */
  protected abstract D createDatabase();

  /**
   * Returns a <em>new</em> store instance over {@code database}, as a restarted process or a second
   * machine would open it. Called at least once per test, sometimes more.
   */
  protected abstract SyncStateStore openStore(D database);

  /** Releases a test's data after the test; does nothing by default. */
  protected void dropDatabase(D database) {}

  @BeforeEach
  final void createSubject() {
    database = createDatabase();
    store = openStore(database);
  }

  @AfterEach
  final void dropSubject() {
    dropDatabase(database);
  }

  /** Returns a new store over the test's data: a process restart, or a second machine. */
  protected final SyncStateStore reopen() {
    return openStore(database);
  }

  private static RunLease granted(Optional<RunLease> lease) {
    assertThat(lease).as("the lease should have been granted").isPresent();
    return lease.get();
  }

  private static RunLease renewed(Optional<RunLease> lease) {
    assertThat(lease).as("the lease should have been renewed").isPresent();
    return lease.get();
  }

  private static Link link(String account, String host, String pco) {
    return new Link(account, host, pco, HOST_BASE, PCO_BASE, REJECTED_VALUES, REJECTED_REASONS,
        T0, T0.plusSeconds(60));
  }

  private static JournalEntry entry(String account, String id, Instant createdAt, Instant updatedAt) {
    return new JournalEntry(account, id, Kind.RUN, Status.APPLIED, createdAt, updatedAt,
        "run " + id, "payload of " + id);
  }

  private static String largePayload() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < 200_000; i++) {
      b.append(i).append(" FIRST_NAME=Zoë\\n李 🙂 \"quoted\" 'single' \\ = ;\r\n");
    }
    return b.toString();
  }

  /** Links: one-to-one both ways, with bases and rejections kept exactly. */
  @Nested
  @DisplayName("links")
  final class Links {

    @Test
    @DisplayName("a saved link is found by host stable id, with its bases, rejections and times exactly")
    void savedLinkIsFoundByHost() {
      Link link = link(ACCOUNT, "h1", "pco-1");

      store.saveLink(link);

      assertThat(store.linkByHost(ACCOUNT, "h1")).contains(link);
    }

    @Test
    @DisplayName("a saved link is found by PCO person id")
    void savedLinkIsFoundByPco() {
      Link link = link(ACCOUNT, "h1", "pco-1");

      store.saveLink(link);

      assertThat(store.linkByPco(ACCOUNT, "pco-1")).contains(link);
    }

    @Test
    @DisplayName("a new link without bases and sync time round-trips")
    void newLinkWithoutBasesRoundTrips() {
      Link link = Link.create(ACCOUNT, "h1", "pco-1", T0);

      store.saveLink(link);

      assertThat(store.linkByHost(ACCOUNT, "h1")).contains(link);
    }

    @Test
    @DisplayName("absent links are empty, by host and by PCO id")
    void absentLinksAreEmpty() {
      store.saveLink(link(ACCOUNT, "h1", "pco-1"));

      assertThat(store.linkByHost(ACCOUNT, "h2")).isEmpty();
      assertThat(store.linkByPco(ACCOUNT, "pco-2")).isEmpty();
      assertThat(store.linkByHost(OTHER_ACCOUNT, "h1")).isEmpty();
      assertThat(store.linkByPco(OTHER_ACCOUNT, "pco-1")).isEmpty();
    }

    @Test
    @DisplayName("links returns every link of the account and none of another")
    void linksReturnsTheAccountsLinks() {
      Link a = link(ACCOUNT, "h1", "pco-1");
      Link b = link(ACCOUNT, "h2", "pco-2");
      store.saveLink(a);
      store.saveLink(b);
      store.saveLink(link(OTHER_ACCOUNT, "h3", "pco-3"));

      assertThat(store.links(ACCOUNT)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    @DisplayName("links of an account without links is empty")
    void linksOfEmptyAccountIsEmpty() {
      assertThat(store.links(ACCOUNT)).isEmpty();
    }

    @Test
    @DisplayName("saving a link of the same host person replaces it, bases and all")
    void savingSameHostReplacesLink() {
      store.saveLink(Link.create(ACCOUNT, "h1", "pco-1", T0));
      Link updated = link(ACCOUNT, "h1", "pco-1");

      store.saveLink(updated);

      assertThat(store.links(ACCOUNT)).containsExactly(updated);
    }

    @Test
    @DisplayName("relinking a host person to another PCO person frees the old PCO id")
    void relinkingFreesOldPcoId() {
      store.saveLink(link(ACCOUNT, "h1", "pco-1"));
      Link moved = link(ACCOUNT, "h1", "pco-2");

      store.saveLink(moved);

      assertThat(store.linkByHost(ACCOUNT, "h1")).contains(moved);
      assertThat(store.linkByPco(ACCOUNT, "pco-2")).contains(moved);
      assertThat(store.linkByPco(ACCOUNT, "pco-1")).isEmpty();
      assertThat(store.links(ACCOUNT)).containsExactly(moved);
    }

    @Test
    @DisplayName("a PCO id freed by relinking can be linked to another host person")
    void freedPcoIdCanBeLinkedAgain() {
      store.saveLink(link(ACCOUNT, "h1", "pco-1"));
      store.saveLink(link(ACCOUNT, "h1", "pco-2"));
      Link other = link(ACCOUNT, "h2", "pco-1");

      store.saveLink(other);

      assertThat(store.linkByPco(ACCOUNT, "pco-1")).contains(other);
    }

    @Test
    @DisplayName("linking a PCO person already linked to another host person throws LinkConflictException")
    void linkingTakenPcoIdThrows() {
      store.saveLink(link(ACCOUNT, "h1", "pco-1"));

      assertThatThrownBy(() -> store.saveLink(link(ACCOUNT, "h2", "pco-1")))
          .isInstanceOf(LinkConflictException.class);
    }

    @Test
    @DisplayName("a conflicting link changes nothing: both host people keep their links")
    void conflictingLinkChangesNothing() {
      Link a = link(ACCOUNT, "h1", "pco-1");
      Link b = link(ACCOUNT, "h2", "pco-2");
      store.saveLink(a);
      store.saveLink(b);

      assertThatThrownBy(() -> store.saveLink(link(ACCOUNT, "h2", "pco-1"))).isInstanceOf(LinkConflictException.class);

      assertThat(store.linkByHost(ACCOUNT, "h1")).contains(a);
      assertThat(store.linkByHost(ACCOUNT, "h2")).contains(b);
      assertThat(store.linkByPco(ACCOUNT, "pco-1")).contains(a);
      assertThat(store.linkByPco(ACCOUNT, "pco-2")).contains(b);
      assertThat(store.links(ACCOUNT)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    @DisplayName("a conflicting link of an unlinked host person leaves it unlinked")
    void conflictingLinkLeavesNewHostUnlinked() {
      store.saveLink(link(ACCOUNT, "h1", "pco-1"));

      assertThatThrownBy(() -> store.saveLink(link(ACCOUNT, "h2", "pco-1"))).isInstanceOf(LinkConflictException.class);

      assertThat(store.linkByHost(ACCOUNT, "h2")).isEmpty();
    }

    @Test
    @DisplayName("one PCO id may be linked in two accounts: uniqueness is per account")
    void uniquenessIsPerAccount() {
      Link a = link(ACCOUNT, "h1", "pco-1");
      Link b = link(OTHER_ACCOUNT, "h2", "pco-1");

      store.saveLink(a);
      store.saveLink(b);

      assertThat(store.linkByPco(ACCOUNT, "pco-1")).contains(a);
      assertThat(store.linkByPco(OTHER_ACCOUNT, "pco-1")).contains(b);
    }

    @Test
    @DisplayName("deleteLink removes the link both ways and returns true")
    void deleteLinkRemovesBothWays() {
      store.saveLink(link(ACCOUNT, "h1", "pco-1"));

      assertThat(store.deleteLink(ACCOUNT, "h1")).isTrue();

      assertThat(store.linkByHost(ACCOUNT, "h1")).isEmpty();
      assertThat(store.linkByPco(ACCOUNT, "pco-1")).isEmpty();
      assertThat(store.links(ACCOUNT)).isEmpty();
    }

    @Test
    @DisplayName("deleteLink of an absent link returns false")
    void deleteAbsentLinkReturnsFalse() {
      store.saveLink(link(OTHER_ACCOUNT, "h1", "pco-1"));

      assertThat(store.deleteLink(ACCOUNT, "h1")).isFalse();
      assertThat(store.links(OTHER_ACCOUNT)).hasSize(1);
    }

    @Test
    @DisplayName("a deleted link's PCO id can be linked to another host person")
    void deletedLinksPcoIdCanBeLinkedAgain() {
      store.saveLink(link(ACCOUNT, "h1", "pco-1"));
      store.deleteLink(ACCOUNT, "h1");
      Link other = link(ACCOUNT, "h2", "pco-1");

      store.saveLink(other);

      assertThat(store.linkByPco(ACCOUNT, "pco-1")).contains(other);
    }
  }

  /** Cursors and checkpoints. */
  @Nested
  @DisplayName("cursors and checkpoints")
  final class CursorsAndCheckpoints {

    @Test
    @DisplayName("an absent cursor is empty")
    void absentCursorIsEmpty() {
      assertThat(store.cursor(ACCOUNT, "people.updated_at")).isEmpty();
    }

    @Test
    @DisplayName("a saved cursor is read back")
    void savedCursorIsReadBack() {
      store.saveCursor(ACCOUNT, "people.updated_at", T0);

      assertThat(store.cursor(ACCOUNT, "people.updated_at")).contains(T0);
    }

    @Test
    @DisplayName("saving a cursor overwrites it")
    void savingCursorOverwrites() {
      store.saveCursor(ACCOUNT, "people.updated_at", T0);

      store.saveCursor(ACCOUNT, "people.updated_at", T0.plusSeconds(3600));

      assertThat(store.cursor(ACCOUNT, "people.updated_at")).contains(T0.plusSeconds(3600));
    }

    @Test
    @DisplayName("cursors are per account and per name")
    void cursorsArePerAccountAndName() {
      store.saveCursor(ACCOUNT, "people.updated_at", T0);
      store.saveCursor(ACCOUNT, "services.updated_at", T0.plusSeconds(1));
      store.saveCursor(OTHER_ACCOUNT, "people.updated_at", T0.plusSeconds(2));

      assertThat(store.cursor(ACCOUNT, "people.updated_at")).contains(T0);
      assertThat(store.cursor(ACCOUNT, "services.updated_at")).contains(T0.plusSeconds(1));
      assertThat(store.cursor(OTHER_ACCOUNT, "people.updated_at")).contains(T0.plusSeconds(2));
    }

    @Test
    @DisplayName("an absent checkpoint is empty")
    void absentCheckpointIsEmpty() {
      assertThat(store.checkpoint(ACCOUNT, "import.offset")).isEmpty();
    }

    @Test
    @DisplayName("a saved checkpoint is read back")
    void savedCheckpointIsReadBack() {
      store.saveCheckpoint(ACCOUNT, "import.offset", "300");

      assertThat(store.checkpoint(ACCOUNT, "import.offset")).contains("300");
    }

    @Test
    @DisplayName("saving a checkpoint overwrites it")
    void savingCheckpointOverwrites() {
      store.saveCheckpoint(ACCOUNT, "import.offset", "300");

      store.saveCheckpoint(ACCOUNT, "import.offset", "400");

      assertThat(store.checkpoint(ACCOUNT, "import.offset")).contains("400");
    }

    @Test
    @DisplayName("clearCheckpoint removes the checkpoint")
    void clearCheckpointRemovesIt() {
      store.saveCheckpoint(ACCOUNT, "import.offset", "300");

      store.clearCheckpoint(ACCOUNT, "import.offset");

      assertThat(store.checkpoint(ACCOUNT, "import.offset")).isEmpty();
    }

    @Test
    @DisplayName("clearCheckpoint of an absent checkpoint does nothing")
    void clearingAbsentCheckpointDoesNothing() {
      store.saveCheckpoint(ACCOUNT, "import.offset", "300");

      store.clearCheckpoint(ACCOUNT, "import.other");
      store.clearCheckpoint(OTHER_ACCOUNT, "import.offset");

      assertThat(store.checkpoint(ACCOUNT, "import.offset")).contains("300");
    }

    @Test
    @DisplayName("checkpoints are per account and per name")
    void checkpointsArePerAccountAndName() {
      store.saveCheckpoint(ACCOUNT, "import.offset", "300");
      store.saveCheckpoint(ACCOUNT, "import.page", "p-7");
      store.saveCheckpoint(OTHER_ACCOUNT, "import.offset", "900");

      assertThat(store.checkpoint(ACCOUNT, "import.offset")).contains("300");
      assertThat(store.checkpoint(ACCOUNT, "import.page")).contains("p-7");
      assertThat(store.checkpoint(OTHER_ACCOUNT, "import.offset")).contains("900");
    }
  }

  /** Create intents. */
  @Nested
  @DisplayName("create intents")
  final class CreateIntents {

    @Test
    @DisplayName("a saved create intent is found by host stable id, exactly")
    void savedIntentIsFound() {
      CreateIntent intent = new CreateIntent(ACCOUNT, "h1", "101", T0, null);

      store.saveCreateIntent(intent);

      assertThat(store.createIntent(ACCOUNT, "h1")).contains(intent);
    }

    @Test
    @DisplayName("saving a create intent of the same host person replaces it (e.g. with the created PCO id)")
    void savingIntentReplacesIt() {
      CreateIntent intent = new CreateIntent(ACCOUNT, "h1", "101", T0, null);
      store.saveCreateIntent(intent);

      store.saveCreateIntent(intent.withPcoPersonId("pco-1"));

      assertThat(store.createIntent(ACCOUNT, "h1")).contains(intent.withPcoPersonId("pco-1"));
      assertThat(store.createIntents(ACCOUNT)).containsExactly(intent.withPcoPersonId("pco-1"));
    }

    @Test
    @DisplayName("createIntents lists every open intent of the account and none of another")
    void createIntentsListsTheAccountsIntents() {
      CreateIntent a = new CreateIntent(ACCOUNT, "h1", "101", T0, null);
      CreateIntent b = new CreateIntent(ACCOUNT, "h2", "102", T0.plusSeconds(1), "pco-2");
      store.saveCreateIntent(a);
      store.saveCreateIntent(b);
      store.saveCreateIntent(new CreateIntent(OTHER_ACCOUNT, "h3", "103", T0, null));

      assertThat(store.createIntents(ACCOUNT)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    @DisplayName("deleteCreateIntent removes the intent")
    void deleteRemovesIntent() {
      store.saveCreateIntent(new CreateIntent(ACCOUNT, "h1", "101", T0, null));

      store.deleteCreateIntent(ACCOUNT, "h1");

      assertThat(store.createIntent(ACCOUNT, "h1")).isEmpty();
      assertThat(store.createIntents(ACCOUNT)).isEmpty();
    }

    @Test
    @DisplayName("deleteCreateIntent of an absent intent does nothing")
    void deletingAbsentIntentDoesNothing() {
      CreateIntent intent = new CreateIntent(ACCOUNT, "h1", "101", T0, null);
      store.saveCreateIntent(intent);

      store.deleteCreateIntent(ACCOUNT, "h2");
      store.deleteCreateIntent(OTHER_ACCOUNT, "h1");

      assertThat(store.createIntents(ACCOUNT)).containsExactly(intent);
    }

    @Test
    @DisplayName("an absent create intent is empty, and an account without intents lists none")
    void absentIntentIsEmpty() {
      assertThat(store.createIntent(ACCOUNT, "h1")).isEmpty();
      assertThat(store.createIntents(ACCOUNT)).isEmpty();
    }
  }

  /** The run journal. */
  @Nested
  @DisplayName("journal")
  final class Journal {

    @Test
    @DisplayName("a saved journal entry is found by id, with a large payload kept verbatim")
    void savedEntryIsFoundVerbatim() {
      JournalEntry e = new JournalEntry(ACCOUNT, "run-1", Kind.HELD_PLAN, Status.HELD, T0, T0.plusSeconds(5),
          "12 updated, 1 archived — «held»", largePayload());

      store.saveJournalEntry(e);

      assertThat(store.journalEntry(ACCOUNT, "run-1")).contains(e);
    }

    @Test
    @DisplayName("saving an entry with the same id replaces it, and the journal lists it once")
    void savingSameIdReplacesEntry() {
      JournalEntry held = new JournalEntry(ACCOUNT, "run-1", Kind.HELD_PLAN, Status.HELD, T0, T0, "held", "ops");
      store.saveJournalEntry(held);
      JournalEntry applied = held.withStatus(Status.APPLIED, T0.plusSeconds(600));

      store.saveJournalEntry(applied);

      assertThat(store.journalEntry(ACCOUNT, "run-1")).contains(applied);
      assertThat(store.journal(ACCOUNT)).containsExactly(applied);
    }

    @Test
    @DisplayName("journal lists the account's entries newest createdAt first, whatever the save order and updatedAt")
    void journalIsNewestCreatedFirst() {
      JournalEntry oldest = entry(ACCOUNT, "run-a", T0, T0.plusSeconds(36_000));
      JournalEntry newest = entry(ACCOUNT, "run-b", T0.plusSeconds(7_200), T0.plusSeconds(7_200));
      JournalEntry middle = entry(ACCOUNT, "run-c", T0.plusSeconds(3_600), T0.plusSeconds(3_600));
      store.saveJournalEntry(newest);
      store.saveJournalEntry(oldest);
      store.saveJournalEntry(middle);

      assertThat(store.journal(ACCOUNT)).containsExactly(newest, middle, oldest);
    }

    @Test
    @DisplayName("journals are per account: the same id in two accounts is two entries")
    void journalsArePerAccount() {
      JournalEntry mine = entry(ACCOUNT, "run-1", T0, T0);
      JournalEntry theirs = entry(OTHER_ACCOUNT, "run-1", T0.plusSeconds(1), T0.plusSeconds(1));
      store.saveJournalEntry(mine);
      store.saveJournalEntry(theirs);

      assertThat(store.journal(ACCOUNT)).containsExactly(mine);
      assertThat(store.journalEntry(OTHER_ACCOUNT, "run-1")).contains(theirs);
    }

    @Test
    @DisplayName("an absent journal entry is empty, and an account without entries has an empty journal")
    void absentEntryIsEmpty() {
      assertThat(store.journalEntry(ACCOUNT, "run-1")).isEmpty();
      assertThat(store.journal(ACCOUNT)).isEmpty();
    }
  }

  /** What a new store instance over the same data sees. */
  @Nested
  @DisplayName("a new store over the same data")
  final class Restart {

    @Test
    @DisplayName("sees every link, exactly")
    void seesLinks() {
      Link a = link(ACCOUNT, "h1", "pco-1");
      Link b = Link.create(ACCOUNT, "h2", "pco-2", T0);
      store.saveLink(a);
      store.saveLink(b);

      SyncStateStore restarted = reopen();

      assertThat(restarted.links(ACCOUNT)).containsExactlyInAnyOrder(a, b);
      assertThat(restarted.linkByPco(ACCOUNT, "pco-1")).contains(a);
    }

    @Test
    @DisplayName("still refuses a second host person for a linked PCO person")
    void keepsLinkUniqueness() {
      store.saveLink(link(ACCOUNT, "h1", "pco-1"));

      SyncStateStore restarted = reopen();

      assertThatThrownBy(() -> restarted.saveLink(link(ACCOUNT, "h2", "pco-1"))).isInstanceOf(LinkConflictException.class);
    }

    @Test
    @DisplayName("does not see a deleted link")
    void doesNotSeeDeletedLink() {
      store.saveLink(link(ACCOUNT, "h1", "pco-1"));
      store.deleteLink(ACCOUNT, "h1");

      assertThat(reopen().links(ACCOUNT)).isEmpty();
    }

    @Test
    @DisplayName("sees cursors")
    void seesCursors() {
      store.saveCursor(ACCOUNT, "people.updated_at", T0);

      assertThat(reopen().cursor(ACCOUNT, "people.updated_at")).contains(T0);
    }

    @Test
    @DisplayName("sees checkpoints, and not cleared ones")
    void seesCheckpoints() {
      store.saveCheckpoint(ACCOUNT, "import.offset", "300");
      store.saveCheckpoint(ACCOUNT, "import.page", "7");
      store.clearCheckpoint(ACCOUNT, "import.page");

      SyncStateStore restarted = reopen();

      assertThat(restarted.checkpoint(ACCOUNT, "import.offset")).contains("300");
      assertThat(restarted.checkpoint(ACCOUNT, "import.page")).isEmpty();
    }

    @Test
    @DisplayName("sees open create intents")
    void seesCreateIntents() {
      CreateIntent intent = new CreateIntent(ACCOUNT, "h1", "101", T0, "pco-1");
      store.saveCreateIntent(intent);

      assertThat(reopen().createIntents(ACCOUNT)).containsExactly(intent);
    }

    @Test
    @DisplayName("sees the journal")
    void seesJournal() {
      JournalEntry first = entry(ACCOUNT, "run-1", T0, T0);
      JournalEntry second = entry(ACCOUNT, "run-2", T0.plusSeconds(60), T0.plusSeconds(60));
      store.saveJournalEntry(first);
      store.saveJournalEntry(second);

      SyncStateStore restarted = reopen();

      assertThat(restarted.journal(ACCOUNT)).containsExactly(second, first);
      assertThat(restarted.journalEntry(ACCOUNT, "run-1")).contains(first);
    }

    @Test
    @DisplayName("sees the lease")
    void seesLease() {
      RunLease lease = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));

      assertThat(reopen().currentLease(ACCOUNT)).contains(lease);
    }

    @Test
    @DisplayName("sees what another live instance writes afterwards")
    void seesLaterWritesOfAnotherInstance() {
      SyncStateStore second = reopen();
      Link a = link(ACCOUNT, "h1", "pco-1");

      store.saveLink(a);
      store.saveCursor(ACCOUNT, "people.updated_at", T0);

      assertThat(second.linkByHost(ACCOUNT, "h1")).contains(a);
      assertThat(second.cursor(ACCOUNT, "people.updated_at")).contains(T0);
    }
  }

  /** The run lease. */
  @Nested
  @DisplayName("run lease")
  final class Lease {

    @Test
    @DisplayName("a free lease is taken, with the owner, a token, now as acquiredAt and now + ttl as expiresAt")
    void freeLeaseIsTaken() {
      RunLease lease = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));

      assertThat(lease.accountId()).isEqualTo(ACCOUNT);
      assertThat(lease.owner()).isEqualTo("machine-a");
      assertThat(lease.token()).isNotBlank();
      assertThat(lease.acquiredAt()).isEqualTo(T0);
      assertThat(lease.expiresAt()).isEqualTo(T0.plus(TTL));
    }

    @Test
    @DisplayName("currentLease returns the lease taken, and is empty while nobody took one")
    void currentLeaseReturnsTheLease() {
      assertThat(store.currentLease(ACCOUNT)).isEmpty();

      RunLease lease = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));

      assertThat(store.currentLease(ACCOUNT)).contains(lease);
    }

    @Test
    @DisplayName("another owner cannot take a held lease")
    void heldLeaseIsNotTakenBySameStore() {
      granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));

      assertThat(store.tryAcquireLease(ACCOUNT, "machine-b", T0.plusSeconds(1), TTL)).isEmpty();
    }

    @Test
    @DisplayName("another owner on another store over the same data cannot take a held lease")
    void heldLeaseIsExclusiveAcrossStores() {
      SyncStateStore otherMachine = reopen();
      granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));

      assertThat(otherMachine.tryAcquireLease(ACCOUNT, "machine-b", T0.plusSeconds(1), TTL)).isEmpty();
    }

    @Test
    @DisplayName("a lease is held until one instant before it expires")
    void leaseIsHeldUntilJustBeforeExpiry() {
      RunLease lease = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));

      assertThat(reopen().tryAcquireLease(ACCOUNT, "machine-b", lease.expiresAt().minusMillis(1), TTL)).isEmpty();
    }

    @Test
    @DisplayName("after the lease expires, another owner on another store takes it, with a new token")
    void expiredLeaseIsTakenByAnotherOwner() {
      RunLease first = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));
      Instant later = first.expiresAt();

      RunLease second = granted(reopen().tryAcquireLease(ACCOUNT, "machine-b", later, TTL));

      assertThat(second.owner()).isEqualTo("machine-b");
      assertThat(second.token()).isNotEqualTo(first.token());
      assertThat(second.expiresAt()).isEqualTo(later.plus(TTL));
      assertThat(store.currentLease(ACCOUNT)).contains(second);
    }

    @Test
    @DisplayName("once another owner took the expired lease, the first owner's renew fails")
    void renewFailsAfterLeaseWasTaken() {
      RunLease first = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));
      Instant later = first.expiresAt().plusSeconds(1);
      RunLease second = granted(reopen().tryAcquireLease(ACCOUNT, "machine-b", later, TTL));

      assertThat(store.renewLease(first, later.plusSeconds(1), TTL)).isEmpty();
      assertThat(store.currentLease(ACCOUNT)).contains(second);
    }

    @Test
    @DisplayName("once another owner took the expired lease, the first owner's release does nothing")
    void releaseOfLostLeaseDoesNothing() {
      RunLease first = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));
      Instant later = first.expiresAt().plusSeconds(1);
      RunLease second = granted(reopen().tryAcquireLease(ACCOUNT, "machine-b", later, TTL));

      store.releaseLease(first);

      assertThat(store.currentLease(ACCOUNT)).contains(second);
    }

    @Test
    @DisplayName("renew extends the held lease to now + ttl, keeping owner and token")
    void renewExtendsTheLease() {
      RunLease lease = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));
      Instant now = T0.plusSeconds(240);

      RunLease renewed = renewed(store.renewLease(lease, now, TTL));

      assertThat(renewed.owner()).isEqualTo("machine-a");
      assertThat(renewed.token()).isEqualTo(lease.token());
      assertThat(renewed.expiresAt()).isEqualTo(now.plus(TTL));
      assertThat(store.currentLease(ACCOUNT)).map(RunLease::expiresAt).contains(now.plus(TTL));
    }

    @Test
    @DisplayName("a renewed lease is not taken by another store after the original expiry")
    void renewedLeaseOutlivesOriginalExpiry() {
      RunLease lease = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));
      renewed(store.renewLease(lease, T0.plusSeconds(240), TTL));

      assertThat(reopen().tryAcquireLease(ACCOUNT, "machine-b", lease.expiresAt().plusSeconds(1), TTL)).isEmpty();
    }

    @Test
    @DisplayName("a released lease is taken at once by another owner on another store")
    void releasedLeaseIsFree() {
      RunLease lease = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));

      store.releaseLease(lease);

      assertThat(reopen().tryAcquireLease(ACCOUNT, "machine-b", T0.plusSeconds(1), TTL)).isPresent();
    }

    @Test
    @DisplayName("a release with another token does nothing")
    void releaseWithOtherTokenDoesNothing() {
      RunLease lease = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));
      RunLease forged = new RunLease(ACCOUNT, "machine-a", lease.token() + "-forged", T0, lease.expiresAt());

      store.releaseLease(forged);

      assertThat(store.currentLease(ACCOUNT)).contains(lease);
      assertThat(reopen().tryAcquireLease(ACCOUNT, "machine-b", T0.plusSeconds(1), TTL)).isEmpty();
    }

    @Test
    @DisplayName("a renew with another token fails and leaves the lease alone")
    void renewWithOtherTokenFails() {
      RunLease lease = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));
      RunLease forged = new RunLease(ACCOUNT, "machine-b", lease.token() + "-forged", T0, lease.expiresAt());

      assertThat(store.renewLease(forged, T0.plusSeconds(60), TTL)).isEmpty();
      assertThat(store.currentLease(ACCOUNT)).contains(lease);
    }

    @Test
    @DisplayName("a renew with the token of the same owner's earlier, lost lease fails")
    void renewOfSameOwnersEarlierLeaseFails() {
      RunLease first = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));
      Instant later = first.expiresAt().plusSeconds(1);
      RunLease second = granted(reopen().tryAcquireLease(ACCOUNT, "machine-a", later, TTL));

      assertThat(store.renewLease(first, later.plusSeconds(1), TTL)).isEmpty();
      assertThat(store.currentLease(ACCOUNT)).contains(second);
    }

    @Test
    @DisplayName("a release with the token of the same owner's earlier, lost lease does nothing")
    void releaseOfSameOwnersEarlierLeaseDoesNothing() {
      RunLease first = granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));
      Instant later = first.expiresAt().plusSeconds(1);
      RunLease second = granted(reopen().tryAcquireLease(ACCOUNT, "machine-a", later, TTL));

      store.releaseLease(first);

      assertThat(store.currentLease(ACCOUNT)).contains(second);
    }

    @Test
    @DisplayName("leases are per account")
    void leasesArePerAccount() {
      granted(store.tryAcquireLease(ACCOUNT, "machine-a", T0, TTL));

      assertThat(reopen().tryAcquireLease(OTHER_ACCOUNT, "machine-b", T0, TTL)).isPresent();
    }
  }

  /** Races between threads on two stores over the same data. */
  @Nested
  @DisplayName("races")
  final class Races {

    @Test
    @DisplayName("of many owners racing for a free lease on two stores over the same data, exactly one wins")
    void exactlyOneRacingOwnerGetsTheLease() throws Exception {
      SyncStateStore otherMachine = reopen();
      for (int round = 0; round < RACE_ROUNDS; round++) {
        String account = "race-" + round;
        List<Optional<RunLease>> results = race(i -> () ->
            (i % 2 == 0 ? store : otherMachine).tryAcquireLease(account, "owner-" + i, T0, TTL));

        List<RunLease> winners = results.stream().flatMap(Optional::stream).toList();
        assertThat(winners).as("winners in round %d", round).hasSize(1);
        assertThat(store.currentLease(account)).contains(winners.get(0));
      }
    }

    @Test
    @DisplayName("of many host people racing to link one PCO person on two stores over the same data, exactly one wins")
    void exactlyOneRacingLinkWins() throws Exception {
      SyncStateStore otherMachine = reopen();
      for (int round = 0; round < RACE_ROUNDS; round++) {
        String pco = "pco-race-" + round;
        List<Optional<String>> results = race(i -> () -> {
          try {
            (i % 2 == 0 ? store : otherMachine).saveLink(Link.create(ACCOUNT, "h-" + pco + "-" + i, pco, T0));
            return Optional.of("h-" + pco + "-" + i);
          } catch (LinkConflictException e) {
            return Optional.empty();
          }
        });

        List<String> winners = results.stream().flatMap(Optional::stream).toList();
        assertThat(winners).as("winners in round %d", round).hasSize(1);
        assertThat(store.linkByPco(ACCOUNT, pco)).map(Link::hostStableId).contains(winners.get(0));
      }
    }
  }

  /** Runs {@link #RACERS} tasks on as many threads, released together; returns their results in order. */
  private static <T> List<T> race(IntFunction<Callable<T>> task)
      throws InterruptedException, ExecutionException, TimeoutException {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      CountDownLatch ready = new CountDownLatch(RACERS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        Callable<T> c = task.apply(i);
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return c.call();
        }));
      }
      if (!ready.await(RACE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new TimeoutException("racers did not start");
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(RACE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
