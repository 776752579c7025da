package org.pcosync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PersonData;
import org.pcosync.api.SyncGroup;
import org.pcosync.core.admin.AccountStatus;
import org.pcosync.core.admin.HeldConflict;
import org.pcosync.core.admin.HeldPlan;
import org.pcosync.core.admin.PcoSyncAdmin;
import org.pcosync.core.admin.Resolution;
import org.pcosync.core.admin.RevertReport;
import org.pcosync.testkit.MutableClock;
import org.pcosync.testkit.fake.FakePco;
import org.pcosync.testkit.fake.PersonSeed;
import org.pcosync.testkit.memory.HostFixture;
import org.pcosync.testkit.memory.InMemoryHost;
import org.pcosync.testkit.memory.InMemorySyncStateStore;

/** Keeps README-operating.md's snippet compiling and working: the marked block below is the snippet. */
final class ReadmeOperatingSnippetTest {

  @Test
  void readmeSnippetAppliesTheHeldPlanAndRevertsIt() {
    MutableClock clock = MutableClock.create();
    try (FakePco pco = FakePco.builder().clock(clock).build().start()) {
      pco.people().setMeId(pco.people().addPerson(PersonSeed.of("Sam", "Admin")));
      HostFixture.Builder fixture = HostFixture.builder();
      for (int i = 1; i <= 8; i++) {
        fixture.person(String.valueOf(i), PersonData.builder().firstName("P" + i).lastName("Person")
            .email("p" + i + "@example.org").build());
      }
      InMemoryHost host = InMemoryHost.of(fixture.group("first-church",
          SyncGroup.permissionGroup("editors", "Editors", PermissionLevel.EDITOR), "1", "2", "3", "4", "5", "6", "7", "8")
          .build(), clock);
      PcoAccount account = PcoAccount.builder("first-church")
          .credentials(PcoCredentials.personalAccessToken(pco.appId(), pco.secret()))
          .baseUrl(URI.create(pco.baseUrl()))
          .allowPermissionDowngrade(true)                      // people who leave the groups are archived
          .build();                                            // guard: 10 % of linked people, 25 archives
      PcoSync sync = PcoSync.builder().account(account)
          .people(host.people()).groups(host.groups()).tags(host.tags())
          .state(new InMemorySyncStateStore()).clock(clock).sleeper(clock::advance).build();
      sync.run();                                              // first sync: creates are never held
      host.groups().removeMember("editors", "1");
      host.groups().removeMember("editors", "2");
      clock.advance(Duration.ofMinutes(5));

      // ---- snippet (README-operating.md) ----
      SyncReport report = sync.run();
      PcoSyncAdmin admin = sync.admin();
      if (report.isHeld()) {                                   // the mass-change guard stopped it
        System.out.println(report.held().reason());            // "would change 2 of 8 linked people (25%, limit 10%)"
        for (HeldPlan held : admin.heldPlans()) {
          System.out.println(held.summary());                  // review it (or admin.discardHeldPlan(held.id()))
        }
        report = admin.applyHeldPlan(report.journalId());      // applies what the admin saw; stale people are skipped
      }
      RevertReport undo = admin.revert(report.journalId());    // every applied run can be undone
      undo.notReverted().forEach(System.out::println);         // values changed since the run are left alone
      for (HeldConflict c : admin.conflicts()) {               // "hold for review" conflicts
        admin.resolveConflict(c.id(), Resolution.HOST_VALUE);  // or PCO_VALUE, field by field
      }
      AccountStatus status = admin.status();                   // groups, levels, links, last-synced values
      status.people().forEach(p -> System.out.println(p.label() + " -> " + p.pcoPersonId() + " " + p.pcoLevel()));
      // ---- end of snippet ----

      assertThat(undo.applied().raised()).hasSize(2);
      assertThat(status.person("1").orElseThrow().pcoLevel()).isEqualTo("Editor");
      assertThat(pco.services().person(status.person("1").orElseThrow().pcoPersonId()).orElseThrow().permissions())
          .isEqualTo("Editor");
    }
  }
}
