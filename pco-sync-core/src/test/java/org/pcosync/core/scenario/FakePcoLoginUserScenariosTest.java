package org.pcosync.core.scenario;

import org.pcosync.testkit.MutableClock;

/** The login-user scenarios end to end: engine → ClientPcoPort → PcoClient → HTTP → fake PCO. */
final class FakePcoLoginUserScenariosTest extends LoginUserScenarios {
  @Override
  PcoWorld newWorld(MutableClock clock) {
    return new FakePcoWorld(clock);
  }

  @Override
  void giveLogin(String pcoId, String loginIdentifier) {
    ((FakePcoWorld) pco).fake().people().setLoginIdentifier(pcoId, loginIdentifier);
  }
}
