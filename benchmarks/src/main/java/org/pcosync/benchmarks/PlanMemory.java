package org.pcosync.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.openjdk.jol.info.GraphLayout;
import org.pcosync.core.SyncPlan;

/**
 * Memory of a plan over {@code n} people, three ways: bytes allocated while planning (the current
 * thread's allocation counter: exact and repeatable, whatever the load), the size of the object
 * graph reachable from the returned {@link SyncPlan} (JOL: exact; an upper bound of what the plan
 * retains, since it counts strings it shares with the host), and the used heap after a full GC
 * with and without the plan held (what a caller really keeps; a little noisy).
 *
 * <p>Scenarios: the first sync (every person gets a link and bases: the largest plan), steady
 * state (nothing changed) and 1 % edits on each side. Not thread-safe; run it from a main.
 */
final class PlanMemory {

  /**
   * One measured scenario.
   *
   * @param scenario what the world looked like
   * @param people people on each side
   * @param personPlans people with operations in the plan
   * @param allocatedBytes bytes allocated by one {@code dryRun()} (the least of two)
   * @param reachableBytes bytes reachable from the plan (JOL)
   * @param retainedBytes used heap after GC with the plan held minus without it
   * @param transientBytes the most heap found live after any GC during a {@code dryRun()}, minus
   *     the heap live before it: what planning holds while it works (a sample, at GC times only;
   *     0 when no GC ran)
   * @param planMillis wall time of the last {@code dryRun()} (single shot: informational only)
   */
  record Row(String scenario, int people, int personPlans, long allocatedBytes, long reachableBytes,
      long retainedBytes, long transientBytes, long planMillis) {

    String format() {
      return String.format("| %-26s | %,7d | %,7d | %,13d | %,6d | %,11d | %,5d | %,11d | %,5d | %,11d | %,5d | %,6d |",
          scenario, people, personPlans, allocatedBytes, allocatedBytes / people, reachableBytes,
          reachableBytes / people, retainedBytes, retainedBytes / people, transientBytes, transientBytes / people,
          planMillis);
    }
  }

  static final String HEADER = "| scenario | people | in plan | allocated (B) | B/person | plan reachable (B) | B/person"
      + " | plan retained (B) | B/person | live while planning (B) | B/person | ms (1 shot) |";

  private PlanMemory() {}

  /** Measures the three scenarios over {@code n} people, printing progress and the world's own size to {@code out}. */
  static List<Row> measure(int n, PrintStream out) {
    List<Row> rows = new ArrayList<>();
    long empty = usedHeapAfterGc();
    long t0 = System.nanoTime();
    World world = World.unlinked(n);
    long seeded = (System.nanoTime() - t0) / 1_000_000;
    long sides = usedHeapAfterGc() - empty;
    out.printf("world of %,d people seeded in %,d ms; heap of both sides: %,d B (%,d B/person)%n", n, seeded, sides,
        sides / n);
    rows.add(row("first sync (all to link)", world, () -> world.sync().dryRun()));
    t0 = System.nanoTime();
    world.linkAll();
    long applied = (System.nanoTime() - t0) / 1_000_000;
    long withState = usedHeapAfterGc() - empty;
    out.printf("first sync applied in %,d ms; heap of both sides + state store (links, bases, journal): %,d B"
        + " (%,d B/person)%n", applied, withState, withState / n);
    rows.add(row("steady state", world, () -> world.sync().dryRun()));
    world.editOnePercentOnEachSide();
    rows.add(row("1 % edits on each side", world, () -> world.sync().dryRun()));
    return rows;
  }

  private static Row row(String scenario, World world, Supplier<SyncPlan> plan) {
    plan.get(); // warm up: class loading, JIT of the hot loops
    world.pco().clearCalls();
    long allocated = Long.MAX_VALUE;
    long millis = 0;
    for (int i = 0; i < 2; i++) {
      long a0 = allocatedByThisThread();
      long t0 = System.nanoTime();
      SyncPlan p = plan.get();
      millis = (System.nanoTime() - t0) / 1_000_000;
      allocated = Math.min(allocated, allocatedByThisThread() - a0);
      Reference.reachabilityFence(p);
      world.pco().clearCalls();
    }
    long before = usedHeapAfterGc();
    long peak = LiveAfterGc.max(plan::get) - before;
    before = usedHeapAfterGc();
    SyncPlan held = plan.get();
    long retained = usedHeapAfterGc() - before;
    long reachable = GraphLayout.parseInstance(held).totalSize();
    int personPlans = held.people().size();
    Reference.reachabilityFence(held);
    world.pco().clearCalls();
    return new Row(scenario, world.size(), personPlans, allocated, reachable, Math.max(0, retained),
        Math.max(0, peak), millis);
  }

  /** The most heap live after any GC while some work runs (GC notifications of the platform's collectors). */
  private static final class LiveAfterGc implements javax.management.NotificationListener {
    private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();

    private static long collections() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
    }

    static long max(Runnable work) {
      LiveAfterGc listener = new LiveAfterGc();
      List<javax.management.NotificationEmitter> emitters = new ArrayList<>();
      for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof javax.management.NotificationEmitter e) {
          e.addNotificationListener(listener, null, null);
          emitters.add(e);
        }
      }
      long gcs = collections();
      try {
        work.run();
        long expected = collections() - gcs;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (listener.seen.get() < expected && System.nanoTime() < deadline) {
          Thread.onSpinWait(); // notifications arrive on a JMX thread, shortly after each GC
        }
      } finally {
        for (javax.management.NotificationEmitter e : emitters) {
          try {
            e.removeNotificationListener(listener);
          } catch (javax.management.ListenerNotFoundException ignored) {
            // already gone
          }
        }
      }
      return listener.max.get();
    }

    @Override
    public void handleNotification(javax.management.Notification n, Object handback) {
      if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
        return;
      }
      com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management.GarbageCollectionNotificationInfo
          .from((javax.management.openmbean.CompositeData) n.getUserData());
      long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
          .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
      max.accumulateAndGet(used, Math::max);
      seen.incrementAndGet();
    }
  }

  private static long allocatedByThisThread() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
