package org.pcosync.core.scenario;

import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PortEmail;

/** Simulates the process stopping right before the next email create: throws an {@link Error}. */
final class CrashingPcoPort extends ForwardingPcoPort {
  /** What a stopped process looks like to the test. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("simulated stop");
    }
  }

  private volatile boolean crashBeforeEmail;

  CrashingPcoPort(PcoPort delegate) {
    super(delegate);
  }

  void crashBeforeNextEmailCreate() {
    crashBeforeEmail = true;
  }

  @Override
  public PortEmail addEmail(String personId, String address, String location, boolean primary) {
    if (crashBeforeEmail) {
      crashBeforeEmail = false;
      throw new Crash();
    }
    return super.addEmail(personId, address, location, primary);
  }
}
