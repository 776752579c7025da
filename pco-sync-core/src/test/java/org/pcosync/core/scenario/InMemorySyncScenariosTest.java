package org.pcosync.core.scenario;

import org.pcosync.testkit.MutableClock;

/** The issue-6 scenarios on the in-memory PCO port. */
final class InMemorySyncScenariosTest extends SyncScenarios {
  @Override
  PcoWorld newWorld(MutableClock clock) {
    return new InMemoryWorld(clock);
  }
}
