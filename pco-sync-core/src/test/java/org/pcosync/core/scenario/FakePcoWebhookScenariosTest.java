package org.pcosync.core.scenario;

import org.pcosync.testkit.MutableClock;

/** The webhook scenarios end to end: engine → ClientPcoPort → PcoClient → HTTP → fake PCO. */
final class FakePcoWebhookScenariosTest extends WebhookScenarios {
  @Override
  PcoWorld newWorld(MutableClock clock) {
    return new FakePcoWorld(clock);
  }

  @Override
  void mergeInPco(String keepId, String removeId) {
    ((FakePcoWorld) pco).fake().people().mergePeople(keepId, removeId);
  }
}
