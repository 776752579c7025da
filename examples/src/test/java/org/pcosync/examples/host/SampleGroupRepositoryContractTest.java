package org.pcosync.examples.host;

import java.time.Clock;
import org.pcosync.api.spi.GroupRepository;
import org.pcosync.testkit.contract.GroupRepositoryContract;
import org.pcosync.testkit.memory.HostFixture;

/** The sample H2 host's groups pass the testkit's contract. */
final class SampleGroupRepositoryContractTest extends GroupRepositoryContract {
  @Override
  protected GroupRepository createRepository(HostFixture fixture) {
    return SampleHosts.seeded(fixture, Clock.systemUTC()).groups();
  }
}
