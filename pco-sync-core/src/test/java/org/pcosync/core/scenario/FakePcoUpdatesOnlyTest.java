package org.pcosync.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.RunMode;
import org.pcosync.api.SyncGroup;
import org.pcosync.core.PcoSync;
import org.pcosync.core.internal.Engine;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.fake.PersonSeed;
import org.pcosync.testkit.fake.RecordedRequest;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/** What an updates-only run asks the fake PCO for. */
final class FakePcoUpdatesOnlyTest {
  private final MutableClock clock = MutableClock.create();
  private final FakePcoWorld world = new FakePcoWorld(clock);
  private final InMemorySyncStateStore state = new InMemorySyncStateStore();

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void updatesOnlyRunReadsPeopleUpdatedSinceTheCursorMinusTheSafetyMargin() {
    world.setMe(world.fake().people().addPerson(PersonSeed.of("Sam", "Admin")));
    InMemoryHost host = InMemoryHost.of(HostFixture.builder()
        .person("1", PersonData.builder().firstName("Ann").lastName("Able").email("ann@example.org").build())
        .group("a", SyncGroup.permissionGroup("g", "G", PermissionLevel.VIEWER), "1").build(), clock);
    PcoAccount account = PcoAccount.builder("a").credentials(PcoCredentials.personalAccessToken("app", "secret"))
        .baseUrl(URI.create(world.baseUrl())).updatesOnlySafetyMargin(Duration.ofMinutes(7)).build();
    PcoSync sync = PcoSync.builder().account(account).people(host.people()).groups(host.groups()).tags(host.tags())
        .state(state).clock(clock).port(world.port()).build();
    sync.run(RunMode.FULL);
    Instant cursor = state.cursor("a", Engine.CURSOR).orElseThrow();
    clock.advance(Duration.ofHours(1));
    world.clearRequests();

    sync.run(RunMode.UPDATES_ONLY);

    assertThat(world.fake().requests()).filteredOn(r -> r.method().equals("GET") && r.path().equals("/people/v2/people"))
        .extracting(r -> r.queryParam("where[updated_at][gte]").orElse("none"))
        .containsOnly(cursor.minus(Duration.ofMinutes(7)).truncatedTo(ChronoUnit.SECONDS).toString());
    String pcoId = state.linkByHost("a", "1").orElseThrow().pcoPersonId();
    assertThat(world.fake().requests()).as("an unchanged linked person is not fetched one by one")
        .extracting(RecordedRequest::path).doesNotContain("/people/v2/people/" + pcoId);
  }
}
