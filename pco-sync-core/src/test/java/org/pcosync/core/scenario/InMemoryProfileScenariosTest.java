package org.pcosync.core.scenario;

import org.pcosync.testkit.MutableClock;

/** The one-way profile and import scenarios on the in-memory PCO port. */
final class InMemoryProfileScenariosTest extends ProfileScenarios {
  @Override
  PcoWorld newWorld(MutableClock clock) {
    return new InMemoryWorld(clock);
  }

  @Override
  void giveLogin(String pcoId, String loginIdentifier) {
    ((InMemoryWorld) pco).pco().setLoginIdentifier(pcoId, loginIdentifier);
  }
}
