package org.pcosync.examples;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.core.PcoSync;
import org.pcosync.core.SyncPlan;
import org.pcosync.core.SyncReport;
import org.pcosync.core.jdbc.JdbcSyncStateStore;
import org.pcosync.examples.host.SampleHostDatabase;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.SystemTimeFollower;
import org.pcosync.testkit.fake.FakePco;

/**
 * The README's first command: a complete sync on embedded defaults.
 *
 * <p>With no configuration it starts the testkit's fake PCO (rate limit on, period shortened),
 * seeds it and an H2 host database with a few hundred realistic people — some in both, some only in
 * the host, near-duplicates, a few invalid — and runs three syncs: the first creates and links, the
 * second carries edits made on both sides, the third must make zero writes (counted from the fake's
 * request log). {@code --dry-run} prints the first plan instead of applying it. With
 * {@code PCO_APP_ID} and {@code PCO_SECRET} set it targets the real PCO, as a dry run unless
 * {@code --apply}.
 *
 * <p>Options: {@code --people N} (host people, default 300), {@code --seed S},
 * {@code --rate-limit-period 2s|off}, {@code --dry-run}, {@code --apply}.
 */
public final class Demo {
  static final String ACCOUNT_ID = "demo-church";

  private final PrintStream out;
  private final Options options;

  Demo(PrintStream out, Options options) {
    this.out = out;
    this.options = options;
  }

  /** Runs the demo; exits non-zero when the last run was not clean. */
  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args, System.getenv());
    System.exit(new Demo(System.out, o).run().exitCode);
  }

  /** Command-line options. */
  record Options(int people, long seed, Duration ratePeriod, boolean dryRun, boolean apply, String appId, String secret) {
    static Options parse(String[] args, Map<String, String> env) {
      int people = 300;
      long seed = 7;
      Duration period = Duration.ofSeconds(2);
      boolean dryRun = false;
      boolean apply = false;
      for (int i = 0; i < args.length; i++) {
        if (args[i] == null || args[i].isBlank()) {
          continue;
        }
        switch (args[i]) {
          case "--people":
            people = Integer.parseInt(args[++i]);
            break;
          case "--seed":
            seed = Long.parseLong(args[++i]);
            break;
          case "--rate-limit-period":
            String p = args[++i];
            period = p.equals("off") ? null : parsePeriod(p);
            break;
          case "--dry-run":
            dryRun = true;
            break;
          case "--apply":
            apply = true;
            break;
          default:
            throw new IllegalArgumentException("unknown option " + args[i]
                + " (use --people N, --seed S, --rate-limit-period 2s|off, --dry-run, --apply)");
        }
      }
      return new Options(people, seed, period, dryRun, apply, env.get("PCO_APP_ID"), env.get("PCO_SECRET"));
    }

    /** Parses "2s", "500ms" or "1m". */
    static Duration parsePeriod(String p) {
      String s = p.strip().toLowerCase(Locale.ROOT);
      try {
        if (s.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("s")) {
          return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
        }
        if (s.endsWith("m")) {
          return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
        }
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
      throw new IllegalArgumentException("--rate-limit-period takes 2s, 500ms, 1m or off, not " + p);
    }

    boolean realPco() {
      return appId != null && !appId.isBlank() && secret != null && !secret.isBlank();
    }
  }

  /** What the demo ended with, for tests. */
  record Result(int exitCode, SyncReport first, SyncReport second, SyncReport third, long thirdRunWrites,
      long thirdRunRequests, SyncPlan dryRunPlan) {}

  Result run() throws Exception {
    if (options.realPco()) {
      return runAgainstRealPco();
    }
    MutableClock fakeClock = MutableClock.at(Instant.now());
    try (SystemTimeFollower follow = SystemTimeFollower.start(fakeClock, Duration.ofMillis(20));
        FakePco pco = fakeBuilder(fakeClock).build().start()) {
      out.println("pco-sync demo: a fake PCO at " + pco.baseUrl() + " (no network, no PCO account)");
      out.println(options.ratePeriod == null
          ? "  rate limit: off"
          : "  rate limit: 100 requests per " + options.ratePeriod.toMillis() + " ms (the real PCO allows 100 per 20 s; shortened so the demo is quick)");
      out.println("  mass-change guard: on (a run changing over 10 % of the linked people is held for review)");
      DemoWorld world = DemoWorld.seed(pco, options.people, options.seed, ACCOUNT_ID);
      out.println("  seeded: " + world.describe());

      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        JdbcSyncStateStore state = JdbcSyncStateStore.builder(world.db.dataSource()).build();
        state.migrate();
        PcoAccount account = PcoAccount.builder(ACCOUNT_ID)
            .name("Demo Church")
            .credentials(PcoCredentials.personalAccessToken(pco.appId(), pco.secret()))
            .baseUrl(URI.create(pco.baseUrl()))
            .welcomeEmailTemplateId(world.welcomeTemplateId)
            .stoppagePercentage(10)
            .build();
        PcoSync sync = PcoSync.builder()
            .account(account)
            .people(world.db.people())
            .groups(world.db.groups())
            .tags(world.db.tags())
            .state(state)
            .executor(pool)
            .listener(new ProgressBar(out, System.console() != null && out == System.out))
            .build();

        if (options.dryRun) {
          SyncPlan plan = sync.dryRun();
          out.println();
          out.println("Dry run — nothing was written. The plan:");
          out.println(plan);
          return new Result(0, null, null, null, pco.writes().size(), pco.requests().size(), plan);
        }

        out.println();
        out.println("Run 1: first full sync");
        long t0 = System.nanoTime();
        SyncReport first = sync.run();
        printReport(first, t0);
        out.println("  Tags PCO offers the host: " + world.db.tags().availableTags(ACCOUNT_ID).size()
            + ", welcome emails sent: " + pco.services().welcomeEmails().size());

        out.println();
        out.println("Changing records on both sides:");
        world.editBothSides(pco, out);
        out.println("Run 2: carries the edits both ways");
        t0 = System.nanoTime();
        SyncReport second = sync.run();
        printReport(second, t0);

        out.println();
        out.println("Run 3: nothing changed, so nothing may be written");
        pco.clearRequests();
        t0 = System.nanoTime();
        SyncReport third = sync.run();
        printReport(third, t0);
        long writes = pco.writes().size();
        long requests = pco.requests().size();
        out.println("  PCO requests: " + requests + " reads, " + writes + " writes (POST/PATCH/DELETE)"
            + (writes == 0 ? " — a clean steady state" : " — UNEXPECTED"));
        int exit = writes == 0 ? 0 : 1;
        return new Result(exit, first, second, third, writes, requests, null);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private FakePco.Builder fakeBuilder(MutableClock clock) {
    FakePco.Builder b = FakePco.builder().clock(clock).credentials("demo", "demo").seed(options.seed);
    return options.ratePeriod == null ? b.noRateLimit() : b.rateLimit(100, options.ratePeriod);
  }

  private Result runAgainstRealPco() throws Exception {
    out.println("pco-sync demo against the REAL Planning Center (PCO_APP_ID is set).");
    out.println(options.apply
        ? "  --apply: the demo's sample people WILL be written to your PCO organisation."
        : "  Dry run: nothing is written. Pass --apply to write.");
    DemoWorld world = DemoWorld.hostOnly(options.people, options.seed, ACCOUNT_ID);
    JdbcSyncStateStore state = JdbcSyncStateStore.builder(world.db.dataSource()).build();
    state.migrate();
    PcoSync sync = PcoSync.builder()
        .account(PcoAccount.builder(ACCOUNT_ID)
            .credentials(PcoCredentials.personalAccessToken(options.appId, options.secret))
            .build())
        .people(world.db.people()).groups(world.db.groups()).tags(world.db.tags()).state(state)
        .listener(new ProgressBar(out, System.console() != null && out == System.out))
        .build();
    if (!options.apply) {
      SyncPlan plan = sync.dryRun();
      out.println(plan);
      return new Result(0, null, null, null, 0, 0, plan);
    }
    long t0 = System.nanoTime();
    SyncReport report = sync.run();
    printReport(report, t0);
    return new Result(report.isClean() ? 0 : 1, report, null, null, -1, -1, null);
  }

  private void printReport(SyncReport r, long startNanos) {
    out.println("  " + r.summary() + " (" + (System.nanoTime() - startNanos) / 1_000_000 + " ms)");
    r.failures().forEach(f -> out.println("    failed: " + f));
    r.conflicts().forEach(c -> out.println("    conflict: " + c));
    r.lowered().forEach(c -> out.println("    lowered: " + c));
    r.archived().forEach(c -> out.println("    archived: " + c));
    int shown = 0;
    for (var s : r.skipped()) {
      if (shown++ == 5) {
        out.println("    … " + (r.skipped().size() - 5) + " more skipped");
        break;
      }
      out.println("    skipped: " + s);
    }
    shown = 0;
    for (var u : r.updated()) {
      if (shown++ == 8) {
        out.println("    … " + (r.updated().size() - 8) + " more fields updated");
        break;
      }
      out.println("    updated: " + u);
    }
  }
}
