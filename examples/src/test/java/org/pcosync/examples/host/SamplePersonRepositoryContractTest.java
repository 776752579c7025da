package org.pcosync.examples.host;

import java.time.Clock;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.testkit.contract.PersonRepositoryContract;
import org.pcosync.testkit.memory.HostFixture;

/** The sample H2 host's people pass the testkit's contract, merges included. */
final class SamplePersonRepositoryContractTest extends PersonRepositoryContract {
  private SampleHostDatabase db;

  @Override
  protected PersonRepository createRepository(HostFixture fixture, Clock clock) {
    db = SampleHosts.seeded(fixture, clock);
    return db.people();
  }

  @Override
  protected boolean supportsMerge() {
    return true;
  }

  @Override
  protected void merge(PersonRepository repository, String keepId, String removeId) {
    db.mergePeople(Long.parseLong(keepId), Long.parseLong(removeId));
  }
}
