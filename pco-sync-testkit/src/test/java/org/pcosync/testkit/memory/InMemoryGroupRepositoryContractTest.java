package org.pcosync.testkit.memory;

import org.pcosync.api.spi.GroupRepository;
import org.pcosync.testkit.contract.GroupRepositoryContract;

/** {@link InMemoryGroupRepository} keeps the {@link GroupRepository} contract. */
final class InMemoryGroupRepositoryContractTest extends GroupRepositoryContract {

  @Override
  protected GroupRepository createRepository(HostFixture fixture) {
    return new InMemoryGroupRepository(fixture);
  }
}
