package org.pcosync.core.scenario;

import org.pcosync.testkit.MutableClock;

/** The webhook scenarios on the in-memory PCO port. */
final class InMemoryWebhookScenariosTest extends WebhookScenarios {
  @Override
  PcoWorld newWorld(MutableClock clock) {
    return new InMemoryWorld(clock);
  }

  @Override
  void mergeInPco(String keepId, String removeId) {
    ((InMemoryWorld) pco).pco().merge(keepId, removeId);
  }
}
