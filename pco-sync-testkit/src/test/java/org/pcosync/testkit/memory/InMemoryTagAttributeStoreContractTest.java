package org.pcosync.testkit.memory;

import java.util.List;
import org.pcosync.api.AvailableTag;
import org.pcosync.api.spi.TagAttributeStore;
import org.pcosync.testkit.contract.TagAttributeStoreContract;

/** {@link InMemoryTagAttributeStore} keeps the {@link TagAttributeStore} contract, published tags included. */
final class InMemoryTagAttributeStoreContractTest extends TagAttributeStoreContract {

  @Override
  protected TagAttributeStore createStore(HostFixture fixture) {
    return new InMemoryTagAttributeStore(fixture);
  }

  @Override
  protected boolean supportsReadingPublishedTags() {
    return true;
  }

  @Override
  protected List<AvailableTag> publishedTags(TagAttributeStore store, String accountId) {
    return ((InMemoryTagAttributeStore) store).availableTags(accountId);
  }
}
