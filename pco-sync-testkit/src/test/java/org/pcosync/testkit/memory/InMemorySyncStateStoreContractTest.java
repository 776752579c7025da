package org.pcosync.testkit.memory;

import org.pcosync.api.spi.SyncStateStore;
import org.pcosync.testkit.contract.SyncStateStoreContract;

/** {@link InMemorySyncStateStore} keeps the {@link SyncStateStore} contract across stores over one database. */
final class InMemorySyncStateStoreContractTest extends SyncStateStoreContract<InMemorySyncStateStore.Database> {

  @Override
  protected InMemorySyncStateStore.Database createDatabase() {
    return new InMemorySyncStateStore.Database();
  }

  @Override
  protected SyncStateStore openStore(InMemorySyncStateStore.Database database) {
    return new InMemorySyncStateStore(database);
  }
}
