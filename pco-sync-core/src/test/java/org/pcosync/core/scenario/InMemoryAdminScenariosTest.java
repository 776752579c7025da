package org.pcosync.core.scenario;

import org.pcosync.testkit.MutableClock;

/** The issue-7 admin scenarios on the in-memory PCO port. */
final class InMemoryAdminScenariosTest extends AdminScenarios {
  @Override
  PcoWorld newWorld(MutableClock clock) {
    return new InMemoryWorld(clock);
  }

  @Override
  void mergeInPco(String keepId, String removeId) {
    ((InMemoryWorld) pco).pco().merge(keepId, removeId);
  }
}
