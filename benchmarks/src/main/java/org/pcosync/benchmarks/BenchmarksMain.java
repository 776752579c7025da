package org.pcosync.benchmarks;

import java.io.PrintStream;
import java.util.List;

/**
 * The benchmarks' one entry point ({@code java -jar benchmarks/target/benchmarks.jar}).
 *
 * <ul>
 *   <li>no arguments: the request counts, the plan memory, then the JMH planning benchmarks with
 *       the GC profiler (a few minutes);
 *   <li>{@code requests [n]}: PCO requests per sync against the fake PCO, n host people (500);
 *   <li>{@code memory [n]}: memory of a plan over n people (100 000);
 *   <li>{@code e2e [n]}: the request table again for n people (1 000), read for its wall times;
 *   <li>anything else: handed to JMH's own command line ({@code -h} lists its options), e.g.
 *       {@code PlanningBenchmark -p people=100000 -prof gc}.
 * </ul>
 *
 * <p>Not thread-safe; a program entry point.
 */
public final class BenchmarksMain {
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  private BenchmarksMain() {}

  /**
   * Runs what the arguments name (see the class comment).
   *
   * @param args the command line
   * @throws Exception when JMH fails
   */
  public static void main(String[] args) throws Exception {
    // The fake PCO runs on the JDK's HttpServer, which leaves Nagle's algorithm on: each exchange
    // then waits ~40 ms for a delayed ACK on loopback. Real PCO does not do that; pass
    // -Dsun.net.httpserver.nodelay=false to see it.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    // JOL sizes records (SyncPlan is one) only through this switch unless given an agent
    if (System.getProperty("jol.magicFieldOffset") == null) {
      System.setProperty("jol.magicFieldOffset", "true");
    }
    PrintStream out = System.out;
    String what = args.length == 0 ? "all" : args[0];
    switch (what) {
      case "all":
        requests(out, 500);
        memory(out, 100_000);
        org.openjdk.jmh.Main.main(new String[] {"PlanningBenchmark", "-prof", "gc"});
        break;
      case "requests":
        requests(out, size(args, 500));
        break;
      case "e2e":
        requests(out, size(args, 1_000));
        break;
      case "memory":
        memory(out, size(args, 100_000));
        break;
      default:
        org.openjdk.jmh.Main.main(args);
    }
  }

  private static int size(String[] args, int fallback) {
    return args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : fallback;
  }

  private static void requests(PrintStream out, int n) {
    out.println("# PCO requests per sync: fake PCO over loopback HTTP, rate limit off, " + n + " host people"
        + (Boolean.getBoolean(NODELAY) ? "" : " (TCP_NODELAY off in the fake: wall times include delayed ACKs)"));
    out.println(RequestCounts.HEADER);
    out.println("|---|---:|---:|---:|---:|---:|---:|");
    List<RequestCounts.Row> rows = RequestCounts.measure(n);
    rows.forEach(r -> out.println(r.format()));
    rows.forEach(r -> out.println("  " + r.run() + ": " + r.summary() + "\n    " + r.byEndpoint()));
    out.println();
  }

  private static void memory(PrintStream out, int n) {
    out.println("# Plan memory, " + n + " people, in-memory PCO port; max heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    List<PlanMemory.Row> rows = PlanMemory.measure(n, out);
    out.println(PlanMemory.HEADER);
    out.println("|---|" + "---:|".repeat(11));
    rows.forEach(r -> out.println(r.format()));
    out.println();
    out.flush();
  }
}
