package org.pcosync.examples.host;

import java.time.Clock;
import java.util.List;
import org.pcosync.api.AvailableTag;
import org.pcosync.api.spi.TagAttributeStore;
import org.pcosync.testkit.contract.TagAttributeStoreContract;
import org.pcosync.testkit.memory.HostFixture;

/** The sample H2 host's "PCO Tags" attribute passes the testkit's contract. */
final class SampleTagAttributeStoreContractTest extends TagAttributeStoreContract {
  @Override
  protected TagAttributeStore createStore(HostFixture fixture) {
    return SampleHosts.seeded(fixture, Clock.systemUTC()).tags();
  }

  @Override
  protected boolean supportsReadingPublishedTags() {
    return true;
  }

  @Override
  protected List<AvailableTag> publishedTags(TagAttributeStore store, String accountId) {
    return ((SampleTagAttributeStore) store).availableTags(accountId);
  }
}
