package org.pcosync.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pcosync.api.JournalEntry;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.PhoneType;
import org.pcosync.api.PostalAddress;
import org.pcosync.api.SyncField;
import org.pcosync.api.SyncGroup;
import org.pcosync.core.SyncReport;
import org.pcosync.core.admin.AccountStatus;
import org.pcosync.core.admin.HeldConflict;
import org.pcosync.core.admin.PcoSyncAdmin;
import org.pcosync.core.admin.Resolution;
import org.pcosync.core.admin.RevertReport;
import org.pcosync.core.admin.SyncSetPreview;
import org.pcosync.core.port.PcoPort;
import org.pcosync.testkit.MutableClock;

/**
 * The issue-7 admin scenarios on the in-memory PCO port, plus those that run here only: they call
 * PCO not at all (status, preview, unlink, discard, lease) or exercise the same PCO requests as a
 * scenario that also runs end to end.
 */
final class InMemoryAdminScenariosTest extends AdminScenarios {
  @Override
  PcoWorld newWorld(MutableClock clock) {
    return new InMemoryWorld(clock);
  }

  @Override
  void mergeInPco(String keepId, String removeId) {
    ((InMemoryWorld) pco).pco().merge(keepId, removeId);
  }

  private static final PostalAddress HOME = new PostalAddress("1 Main St", "Apt 2", "Springfield", "IL", "62701", "US");
  private static final PostalAddress MOVED = new PostalAddress("9 Elm Rd", null, "Shelbyville", "IL", "62565", "US");

  private PostalAddress pcoHomeAddress(String pcoId) {
    return ((InMemoryWorld) pco).pco().person(pcoId).orElseThrow().addresses().get(0).address();
  }

  @Test
  void revertWritesBackTheWholeAddressTheRunReplacedInPco() {
    PcoAccount account = syncedThree();
    editHost("1", b -> b.homeAddress(HOME));
    run(account);
    editHost("1", b -> b.homeAddress(MOVED));
    SyncReport moved = run(account);
    assertThat(pcoHomeAddress(pcoIdOf("1"))).isEqualTo(MOVED);

    RevertReport revert = sync(account).admin().revert(moved.journalId());

    assertThat(revert.notReverted()).isEmpty();
    assertThat(pcoHomeAddress(pcoIdOf("1"))).isEqualTo(HOME);
  }

  @Test
  void revertWritesBackTheWholeAddressTheRunReplacedOnTheHost() {
    PcoAccount account = syncedThree();
    editHost("1", b -> b.homeAddress(HOME));
    run(account);
    String ann = pcoIdOf("1");
    PcoPort admin = ((InMemoryWorld) pco).pco().admin();
    admin.updateAddress(admin.person(ann).orElseThrow().addresses().get(0).id(), MOVED);
    SyncReport moved = run(account);
    assertThat(host.people().findById("1").orElseThrow().data().homeAddress()).isEqualTo(MOVED);

    RevertReport revert = sync(account).admin().revert(moved.journalId());

    assertThat(revert.notReverted()).isEmpty();
    assertThat(host.people().findById("1").orElseThrow().data().homeAddress()).isEqualTo(HOME);
  }

  @Test
  void aNewerRunSupersedesThePlanStillHeld() {
    three();
    host.groups().addMember("volunteers", "3");
    PcoAccount account = account().build();
    run(account);
    editHost("1", b -> b.lastName("Smythe"));
    SyncReport first = run(account);

    SyncReport second = run(account);

    assertThat(sync(account).admin().heldPlans()).extracting(h -> h.id()).containsExactly(second.journalId());
    assertThat(state.journalEntry(ACCOUNT, first.journalId()).orElseThrow().status())
        .isEqualTo(JournalEntry.Status.DISCARDED);
  }

  @Test
  void discardedHeldPlanWritesNothingAndIsNoLongerListed() {
    three();
    host.groups().addMember("volunteers", "3");
    PcoAccount account = account().build();
    run(account);
    editHost("1", b -> b.lastName("Smythe"));
    SyncReport held = run(account);
    pco.clearRequests();
    PcoSyncAdmin admin = sync(account).admin();

    admin.discardHeldPlan(held.journalId());

    assertThat(admin.heldPlans()).isEmpty();
    assertThat(state.journalEntry(ACCOUNT, held.journalId()).orElseThrow().status())
        .isEqualTo(JournalEntry.Status.DISCARDED);
    assertThat(pco.writes()).isEmpty();
  }

  @Test
  void statusShowsGroupsLevelsLinksAndLastSyncedStateWithoutCallingPco() {
    PcoAccount account = syncedThree();
    host.groups().removeMember("volunteers", "2");

    AccountStatus status = offlineAdmin(account).status();

    assertThat(status.groups()).extracting(SyncGroup::id).containsExactlyInAnyOrder("volunteers", "leaders");
    assertThat(status.person("1")).hasValueSatisfying(p -> {
      assertThat(p.inSyncSet()).isTrue();
      assertThat(p.hostLevel()).isEqualTo(PermissionLevel.EDITOR);
      assertThat(p.pcoPersonId()).isEqualTo(pcoIdOf("1"));
      assertThat(p.pcoLevel()).isEqualTo("Editor");
      assertThat(p.lastSyncedHost().get(SyncField.EMAIL)).isEqualTo("ann@example.org");
      assertThat(p.lastSyncedPco().get(SyncField.LAST_NAME)).isEqualTo("Smith");
    });
    assertThat(status.person("2")).hasValueSatisfying(p -> {
      assertThat(p.inSyncSet()).isFalse();
      assertThat(p.hostLevel()).isNull();
      assertThat(p.pcoPersonId()).isEqualTo(pcoIdOf("2"));
    });
    assertThat(status.person("3")).isEmpty();
  }

  @Test
  void syncSetPreviewShowsWhoWouldBeInAndOutAndAtWhichLevelWithoutCallingPco() {
    PcoAccount account = syncedThree();
    host.groups().removeMember("volunteers", "2");
    host.groups().addMember("volunteers", "3");

    SyncSetPreview preview = offlineAdmin(account).previewSyncSet();

    assertThat(preview.in()).extracting(SyncSetPreview.Entry::hostPersonId, SyncSetPreview.Entry::level,
        SyncSetPreview.Entry::pcoPersonId).containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", PermissionLevel.EDITOR, pcoIdOf("1")),
            org.assertj.core.groups.Tuple.tuple("3", PermissionLevel.SCHEDULED_VIEWER, null));
    assertThat(preview.leaving()).extracting(SyncSetPreview.Entry::hostPersonId).containsExactly("2");
  }

  @Test
  void adminWritesFailFastWhileARunHoldsTheLease() {
    PcoAccount account = syncedThree();
    state.tryAcquireLease(ACCOUNT, "another-machine", clock.instant(), Duration.ofMinutes(10)).orElseThrow();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sync(account).admin().deletePcoPerson("2"))
        .isInstanceOf(org.pcosync.core.SyncAlreadyRunningException.class);
    assertThat(state.linkByHost(ACCOUNT, "2")).isPresent();
  }

  @Test
  void conflictHeldForReviewIsListedOnceAndNeitherSideIsWritten() {
    PcoAccount account = heldMiddleNameConflict();

    run(account);
    run(account);

    assertThat(sync(account).admin().conflicts()).singleElement().satisfies(c -> {
      assertThat(c.conflict().field()).isEqualTo(SyncField.MIDDLE_NAME);
      assertThat(c.conflict().hostValue()).isEqualTo("FromHost");
      assertThat(c.conflict().pcoValue()).isEqualTo("FromPco");
    });
    assertThat(pco.attribute(pcoIdOf("1"), "middle_name")).isEqualTo("FromPco");
    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isEqualTo("FromHost");
  }

  @Test
  void conflictResolvedWithTheHostValueWritesPco() {
    PcoAccount account = heldMiddleNameConflict();
    run(account);
    PcoSyncAdmin admin = sync(account).admin();

    admin.resolveConflict(admin.conflicts().get(0).id(), Resolution.HOST_VALUE);

    assertThat(pco.attribute(pcoIdOf("1"), "middle_name")).isEqualTo("FromHost");
    assertThat(run(account).conflicts()).isEmpty();
  }

  @Test
  void conflictChangedSinceItWasHeldIsNotWritten() {
    PcoAccount account = heldMiddleNameConflict();
    run(account);
    PcoSyncAdmin admin = sync(account).admin();
    HeldConflict c = admin.conflicts().get(0);
    editHost("1", b -> b.middleName("Again"));

    SyncReport report = admin.resolveConflict(c.id(), Resolution.PCO_VALUE);

    assertThat(report.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("changed since"));
    assertThat(host.people().findById("1").orElseThrow().data().middleName()).isEqualTo("Again");
  }

  @Test
  void hostMergedLinkIsListedInStatusAndUnlinkingItStopsTheReport() {
    PcoAccount account = syncedThree();
    String bob = pcoIdOf("2");
    host.merge("1", "2");
    assertThat(run(account).skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("merged"));
    PcoSyncAdmin admin = sync(account).admin();
    assertThat(admin.status().people()).anySatisfy(p -> {
      assertThat(p.hostStableId()).isEqualTo("2");
      assertThat(p.hostPersonId()).isEqualTo("1");
      assertThat(p.pcoPersonId()).isEqualTo(bob);
      assertThat(p.label()).contains("merged");
    });

    boolean removed = admin.unlink("2");

    assertThat(removed).isTrue();
    assertThat(run(account).skipped()).isEmpty();
  }

  @Test
  void revertLeavesWhatTheRunFailedToWrite() {
    PcoAccount account = syncedThree();
    String ann = pcoIdOf("1");
    editHost("1", b -> b.lastName("Smythe").phone(PhoneType.MOBILE, "555-987-6543"));
    pco.failPersonPatches();
    SyncReport run = run(account);
    assertThat(run.failures()).anySatisfy(f -> assertThat(f.field()).isEqualTo(SyncField.LAST_NAME));
    pco.heal();
    pco.clearRequests();

    RevertReport revert = sync(account).admin().revert(run.journalId());

    assertThat(revert.notReverted()).isEmpty();
    assertThat(pco.phones(ann)).extracting(AdminScenarios::digits).contains("5551234567");
    assertThat(pco.writes()).noneMatch(w -> w.equals("PATCH /people/v2/people/" + ann));
  }
}
