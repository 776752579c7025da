package org.pcosync.core.scenario;

import org.pcosync.testkit.MutableClock;

/** The issue-7 admin scenarios end to end: engine → ClientPcoPort → PcoClient → HTTP → fake PCO. */
final class FakePcoAdminScenariosTest extends AdminScenarios {
  @Override
  PcoWorld newWorld(MutableClock clock) {
    return new FakePcoWorld(clock);
  }

  @Override
  int population() {
    return 16; // 200 people are some 800 HTTP requests a run: the in-memory port runs the full size
  }

  @Override
  void mergeInPco(String keepId, String removeId) {
    ((FakePcoWorld) pco).fake().people().mergePeople(keepId, removeId);
  }
}
