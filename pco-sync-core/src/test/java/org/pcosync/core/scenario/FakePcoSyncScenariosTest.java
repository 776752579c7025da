package org.pcosync.core.scenario;

import org.pcosync.testkit.MutableClock;

/** The issue-6 scenarios end to end: engine → ClientPcoPort → PcoClient → HTTP → fake PCO. */
final class FakePcoSyncScenariosTest extends SyncScenarios {
  @Override
  PcoWorld newWorld(MutableClock clock) {
    return new FakePcoWorld(clock);
  }
}
