package org.pcosync.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncGroup;
import org.pcosync.core.PcoSync;
import org.pcosync.core.port.InMemoryPcoPort;
import org.pcosync.core.port.Page;
import org.pcosync.core.port.PcoPort;
import org.pcosync.core.port.PersonAttribute;
import org.pcosync.core.port.PortPerson;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/** Offset paging repeats records while data changes: the engine keeps the last copy it read. */
final class PagingDeduplicationTest {

  @Test
  void personReadTwiceWhilePagingIsPlannedFromTheLastCopy() {
    MutableClock clock = MutableClock.create();
    InMemoryPcoPort pco = InMemoryPcoPort.builder().clock(clock).pageSize(1).build();
    pco.setMe(pco.admin().createPerson(Map.of(PersonAttribute.LAST_NAME, "Admin")).id());
    InMemoryHost host = InMemoryHost.of(HostFixture.builder()
        .person("1", PersonData.builder().firstName("Ted").lastName("Decker").email("ted@example.org").build())
        .group("a", SyncGroup.permissionGroup("g", "G", PermissionLevel.VIEWER), "1").build(), clock);
    InMemorySyncStateStore state = new InMemorySyncStateStore();
    PcoAccount account = PcoAccount.builder("a").credentials(PcoCredentials.personalAccessToken("x", "y")).build();
    PcoSync.Builder sync = PcoSync.builder().account(account).people(host.people()).groups(host.groups())
        .tags(host.tags()).state(state).clock(clock);
    sync.port(pco).build().run();
    String ted = state.linkByHost("a", "1").orElseThrow().pcoPersonId();
    PortPerson stale = pco.admin().person(ted).orElseThrow();
    clock.advance(Duration.ofMinutes(1));
    pco.admin().updatePerson(ted, Map.of(PersonAttribute.MIDDLE_NAME, "New"));
    PcoPort repeating = new ForwardingPcoPort(pco) {
      @Override
      public Page<PortPerson> people(Instant updatedSince, String pageToken) {
        Page<PortPerson> page = super.people(updatedSince, pageToken);
        if (pageToken != null) {
          return page;
        }
        List<PortPerson> items = new ArrayList<>(page.items());
        items.add(0, stale); // an older copy, read before the fresh one on a later page
        return new Page<>(items, page.nextPageToken());
      }
    };
    clock.advance(Duration.ofMinutes(1));

    sync.port(repeating).build().run();

    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isEqualTo("New");
  }
}
