package org.pcosync.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pcosync.api.RunMode;
import org.pcosync.core.SyncPlan;

/**
 * Time to plan a full run of N linked people: {@code PcoSync.plan(FULL)} (the same as
 * {@code dryRun()}) over the in-memory PCO port and the in-memory host, so it measures reading
 * both in-memory sides, the sync set, matching and the three-way diff — no HTTP, no writes. The
 * pure planner is not public API, so this is the closest public measurement of it (DESIGN §2).
 *
 * <p>Scenarios: {@code steady} (nothing changed since the last run: an empty plan) and
 * {@code edits} (1 % of the people edited in the host and another 1 % in PCO: a plan of N / 50
 * people). Ten seconds of warmup: on a loaded two-core machine C2 needs that long, and with 2 s
 * the 1 000- and 10 000-person trials measured the interpreter (5–10× slower). Measurement is
 * short so the whole matrix finishes in a few minutes; pass JMH's {@code -wi/-i/-f} for longer
 * runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 2)
public class PlanningBenchmark {

  /** People on each side. */
  @Param({"1000", "10000", "100000"})
  public int people;

  /** {@code steady} or {@code edits}. */
  @Param({"steady", "edits"})
  public String scenario;

  private World world;

  /** Builds and links the world once per trial (outside the measurement). */
  @Setup(Level.Trial)
  public void buildWorld() {
    world = World.linked(people);
    if (scenario.equals("edits")) {
      world.editOnePercentOnEachSide();
    } else if (!scenario.equals("steady")) {
      throw new IllegalArgumentException("scenario must be steady or edits: " + scenario);
    }
  }

  /** Empties the in-memory port's call log, which would otherwise grow by N/100 entries a plan. */
  @TearDown(Level.Iteration)
  public void forgetCalls() {
    world.pco().clearCalls();
  }

  /** Plans a full run; returns the plan so the JIT cannot drop the work. */
  @Benchmark
  public SyncPlan planFullRun() {
    return world.sync().plan(RunMode.FULL);
  }
}
