package org.pcosync.core.scenario;

import org.pcosync.testkit.MutableClock;

/** The one-way profile and import scenarios end to end: engine → client → HTTP → fake PCO. */
final class FakePcoProfileScenariosTest extends ProfileScenarios {
  @Override
  PcoWorld newWorld(MutableClock clock) {
    return new FakePcoWorld(clock);
  }

  @Override
  void giveLogin(String pcoId, String loginIdentifier) {
    ((FakePcoWorld) pco).fake().people().setLoginIdentifier(pcoId, loginIdentifier);
  }
}
