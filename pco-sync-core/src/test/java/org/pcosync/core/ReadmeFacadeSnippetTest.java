package org.pcosync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncGroup;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.fake.FakePco;
import org.pcosync.testkit.fake.PersonSeed;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/** Keeps README-facade.md's snippet compiling and working: the body below is the snippet. */
final class ReadmeFacadeSnippetTest {

  @Test
  void readmeSnippetSyncsTedIntoTheFakePcoAsAnEditor() {
    SyncReport result;
    MutableClock clock = MutableClock.create();                       // virtual time: no real waiting
    try (FakePco pco = FakePco.builder().clock(clock).build().start()) {
      pco.people().setMeId(pco.people().addPerson(PersonSeed.of("Sam", "Admin")));
      InMemoryHost host = InMemoryHost.of(HostFixture.builder()
          .person("1", PersonData.builder().firstName("Ted").lastName("Decker").email("ted@example.org").build())
          .group("first-church", SyncGroup.permissionGroup("editors", "Editors", PermissionLevel.EDITOR), "1")
          .build(), clock);

      PcoAccount account = PcoAccount.builder("first-church")
          .credentials(PcoCredentials.personalAccessToken(pco.appId(), pco.secret()))
          .baseUrl(URI.create(pco.baseUrl()))                         // omit for the real PCO
          .build();
      PcoSync sync = PcoSync.builder()
          .account(account)
          .people(host.people()).groups(host.groups()).tags(host.tags())   // your SPI implementations
          .state(new InMemorySyncStateStore())                        // or the JDBC store
          .clock(clock).sleeper(clock::advance)
          .build();

      SyncPlan plan = sync.dryRun();                                  // what a run would do; writes nothing
      System.out.println(plan.summary());
      SyncReport report = sync.run();                                 // plan + apply under the run lease
      System.out.println(report);
      result = report;
      assertThat(pco.services().person(report.created().get(0).pcoPersonId()).orElseThrow().permissions())
          .isEqualTo("Editor");
    }
    assertThat(result.created()).extracting(PersonRef::hostPersonId).containsExactly("1");
    assertThat(result.failures()).isEmpty();
  }
}
