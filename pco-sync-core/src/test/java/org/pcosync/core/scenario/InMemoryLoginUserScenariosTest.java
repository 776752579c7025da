package org.pcosync.core.scenario;

import org.pcosync.testkit.MutableClock;

/** The login-user scenarios on the in-memory PCO port. */
final class InMemoryLoginUserScenariosTest extends LoginUserScenarios {
  @Override
  PcoWorld newWorld(MutableClock clock) {
    return new InMemoryWorld(clock);
  }

  @Override
  void giveLogin(String pcoId, String loginIdentifier) {
    ((InMemoryWorld) pco).pco().setLoginIdentifier(pcoId, loginIdentifier);
  }
}
