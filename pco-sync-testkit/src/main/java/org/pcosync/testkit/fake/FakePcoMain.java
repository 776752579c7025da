package org.pcosync.testkit.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.SystemTimeFollower;

/**
 * Runs a {@link FakePco} as a standalone process, for curl, demos and clients in other languages.
 *
 * <pre>
 * mvn -q -pl pco-sync-testkit exec:java -Dexec.mainClass=org.pcosync.testkit.fake.FakePcoMain \
 *     -Dexec.args="--port 8089 --app-id demo --secret demo --people 200 --seed 1"
 * curl -u demo:demo http://127.0.0.1:8089/people/v2/people?per_page=2
 * </pre>
 *
 * <p>Options: {@code --port} (default 8089, 0 = any), {@code --app-id}/{@code --secret} (default
 * demo/demo), {@code --people} (generated people, default 200), {@code --seed} (default 1), {@code
 * --rate-limit} (requests per period, default 100), {@code --rate-limit-period} ({@code 20s},
 * {@code 2s}, {@code 500ms} or {@code off}), {@code --exit-on-stdin-eof}. The clock is a
 * {@link MutableClock} that follows real time, so rate-limit windows pass as usual. Runs until
 * SIGINT/SIGTERM, or until standard input ends with {@code --exit-on-stdin-eof}.
 *
 * <p>The first generated person is {@code /people/v2/me}, an organization admin and a Services
 * Administrator; a "Teams" tag group with three tags and a welcome email template exist.
 */
public final class FakePcoMain {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

  private FakePcoMain() {}

  /** Entry point; see the class comment for options. */
  public static void main(String[] args) throws InterruptedException, IOException {
    Map<String, String> opts = parse(args);
    FakePco pco = start(args);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      pco.close();
      stopped.countDown();
    }, "fake-pco-shutdown"));
    print(pco, opts, System.out);
    if (opts.containsKey("exit-on-stdin-eof")) {
      awaitEof(System.in);
      pco.close();
      return;
    }
    stopped.await();
  }

  /** Parses {@code args}, starts and seeds a fake; the caller closes it. */
  public static FakePco start(String... args) {
    Map<String, String> o = parse(args);
    int port = Integer.parseInt(o.getOrDefault("port", "8089"));
    int people = Integer.parseInt(o.getOrDefault("people", "200"));
    long seed = Long.parseLong(o.getOrDefault("seed", "1"));
    MutableClock clock = MutableClock.at(java.time.Instant.now());
    SystemTimeFollower.start(clock, Duration.ofMillis(100)); // runs until the JVM exits
    FakePco.Builder b = FakePco.builder().clock(clock).port(port).seed(seed)
        .credentials(o.getOrDefault("app-id", "demo"), o.getOrDefault("secret", "demo"));
    String period = o.getOrDefault("rate-limit-period", "20s");
    if (period.equals("off")) {
      b.noRateLimit();
    } else {
      b.rateLimit(Integer.parseInt(o.getOrDefault("rate-limit", "100")), duration(period));
    }
    FakePco pco = b.build().start();
    List<String> ids = pco.people().generatePeople(people, seed);
    if (!ids.isEmpty()) {
      String me = ids.get(0);
      pco.people().setMeId(me);
      pco.people().setOrganizationAdmin(me, true);
      pco.services().addServicesPerson(me, "Administrator");
    }
    String teams = pco.services().addTagGroup("Teams");
    for (String t : List.of("Band", "Greeters", "Tech")) {
      pco.services().addTag(teams, t);
    }
    pco.services().addEmailTemplate("welcome", "Welcome to Services",
        "<p>Hi {{first_name}}, welcome to the team!</p>");
    return pco;
  }

  /** Prints the base URL and how to call it. */
  static void print(FakePco pco, Map<String, String> opts, PrintStream out) {
    out.println("Fake PCO listening on " + pco.baseUrl());
    out.println("  credentials: " + pco.appId() + ":" + pco.secret() + " (HTTP Basic)");
    out.println("  people:      " + pco.people().count());
    out.println("  upload host: " + pco.uploadBaseUrl());
    out.println("  try: curl -u " + pco.appId() + ":" + pco.secret() + " '" + pco.baseUrl()
        + "/people/v2/people?per_page=2&include=emails'");
    out.flush();
  }

  static void awaitEof(InputStream in) throws IOException {
    byte[] buf = new byte[256];
    while (in.read(buf) >= 0) {
      // discard until end of input
    }
  }

  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("bad duration " + text + " (use e.g. 20s, 500ms, 1m or off)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    switch (unit) {
      case "ms":
        return Duration.ofMillis(n);
      case "m":
        return Duration.ofMinutes(n);
      default:
        return Duration.ofSeconds(n);
    }
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      String key = a.substring(2);
      int eq = key.indexOf('=');
      if (eq >= 0) {
        o.put(key.substring(0, eq), key.substring(eq + 1));
      } else if (key.equals("exit-on-stdin-eof")) {
        o.put(key, "true");
      } else if (i + 1 < args.length) {
        o.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("missing value for " + a);
      }
    }
    return o;
  }
}
