package org.pcosync.testkit.memory;

import java.time.Clock;
import org.pcosync.api.spi.PersonRepository;
import org.pcosync.testkit.contract.PersonRepositoryContract;

/** {@link InMemoryPersonRepository} keeps the {@link PersonRepository} contract, merges included. */
final class InMemoryPersonRepositoryContractTest extends PersonRepositoryContract {

  @Override
  protected PersonRepository createRepository(HostFixture fixture, Clock clock) {
    return new InMemoryPersonRepository(fixture, clock);
  }

  @Override
  protected boolean supportsMerge() {
    return true;
  }

  @Override
  protected void merge(PersonRepository repository, String keepId, String removeId) {
    ((InMemoryPersonRepository) repository).merge(keepId, removeId);
  }
}
