package org.pcosync.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pcosync.api.PcoAccount;
import org.pcosync.api.PcoCredentials;
import org.pcosync.api.PermissionLevel;
import org.pcosync.api.RunMode;
import org.pcosync.api.ServicesState;
import org.pcosync.api.SyncField;
import org.pcosync.core.FieldChange;
import org.pcosync.core.MassChangeHold;
import org.pcosync.core.PersonPlan;
import org.pcosync.core.SyncOperation;
import org.pcosync.core.SyncPlan;
import org.pcosync.core.port.PersonAttribute;

/** The guard's arithmetic on hand-made plans: what counts, and the thresholds. */
final class MassChangeGuardTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  private static PcoAccount account(int percentage, int cap) {
    return PcoAccount.builder("a").credentials(PcoCredentials.personalAccessToken("app", "s"))
        .stoppagePercentage(percentage).archiveDeleteCap(cap).stoppageMinimumPeople(0).build();
  }

  private static SyncPlan plan(int linked, List<PersonPlan> people) {
    return new SyncPlan("a", RunMode.FULL, T0, people, null, List.of(), List.of(), List.of(), linked);
  }

  private static PersonPlan linked(int i, SyncOperation op) {
    return new PersonPlan("h" + i, "s" + i, "p" + i, "h" + i, List.of(op));
  }

  private static SyncOperation overwrite() {
    return new SyncOperation.UpdatePcoPerson(Map.of(PersonAttribute.LAST_NAME, "New"),
        List.of(new FieldChange(SyncField.LAST_NAME, "old", "new")));
  }

  private static SyncOperation fill() {
    return new SyncOperation.UpdatePcoPerson(Map.of(PersonAttribute.MIDDLE_NAME, "M"),
        List.of(new FieldChange(SyncField.MIDDLE_NAME, null, "m")));
  }

  private static List<PersonPlan> times(int n, SyncOperation op) {
    List<PersonPlan> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(linked(i, op));
    }
    return out;
  }

  @Test
  void changingExactlyThePercentageOfLinkedPeopleIsNotHeld() {
    assertThat(MassChangeGuard.check(plan(200, times(20, overwrite())), account(10, 25), "held-1")).isNull();
  }

  @Test
  void changingOneMoreThanThePercentageIsHeldWithTheCounts() {
    MassChangeHold hold = MassChangeGuard.check(plan(200, times(21, overwrite())), account(10, 25), "held-1");

    assertThat(hold).isEqualTo(new MassChangeHold("held-1", 21, 200, 10, 0, 25));
    assertThat(hold.reason()).isEqualTo("would change 21 of 200 linked people (10%, limit 10%)");
  }

  @Test
  void fillsOfEmptyValuesDoNotCount() {
    assertThat(MassChangeGuard.check(plan(10, times(10, fill())), account(10, 25), "held-1")).isNull();
  }

  @Test
  void createsAndLinksDoNotCountSoAFirstSyncIsNeverHeld() {
    List<PersonPlan> people = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      people.add(new PersonPlan("h" + i, "s" + i, null, "h" + i,
          List.of(new SyncOperation.CreatePerson(Map.of(PersonAttribute.LAST_NAME, "L"), List.of()))));
    }
    assertThat(MassChangeGuard.check(plan(0, people), account(10, 25), "held-1")).isNull();
  }

  @Test
  void oneChangeInASmallAccountIsNotHeldByTheDefaultMinimum() {
    PcoAccount small = PcoAccount.builder("a").credentials(PcoCredentials.personalAccessToken("app", "s")).build();

    assertThat(MassChangeGuard.check(plan(8, times(1, overwrite())), small, "held-1")).isNull();
    assertThat(MassChangeGuard.check(plan(8, times(3, overwrite())), small, "held-1")).isNull();
  }

  @Test
  void moreChangesThanTheMinimumAreHeldWhenOverThePercentage() {
    PcoAccount small = PcoAccount.builder("a").credentials(PcoCredentials.personalAccessToken("app", "s")).build();

    MassChangeHold hold = MassChangeGuard.check(plan(8, times(4, overwrite())), small, "held-1");

    assertThat(hold).isNotNull();
    assertThat(hold.reason()).isEqualTo("would change 4 of 8 linked people (50%, limit 10%)");
  }

  @Test
  void aLinkedPersonWithManyChangesCountsOnce() {
    PersonPlan many = new PersonPlan("h", "s", "p", "h", List.of(overwrite(), overwrite(),
        new SyncOperation.SetPermission(ServicesState.active(PermissionLevel.EDITOR), PermissionLevel.VIEWER)));

    MassChangeHold hold = MassChangeGuard.check(plan(4, List.of(many)), account(10, 25), "held-1");

    assertThat(hold.changedLinkedPeople()).isEqualTo(1);
  }

  @Test
  void raisesDoNotCountButLoweringsDo() {
    SyncOperation raise = new SyncOperation.SetPermission(ServicesState.active(PermissionLevel.VIEWER),
        PermissionLevel.EDITOR);
    SyncOperation lower = new SyncOperation.SetPermission(ServicesState.active(PermissionLevel.EDITOR),
        PermissionLevel.VIEWER);

    assertThat(MassChangeGuard.check(plan(10, times(5, raise)), account(10, 25), "h")).isNull();
    assertThat(MassChangeGuard.check(plan(10, times(5, lower)), account(10, 25), "h")).isNotNull();
  }

  @Test
  void archivesOverTheCapAreHeldEvenUnderThePercentage() {
    SyncOperation archive = new SyncOperation.Archive(ServicesState.active(PermissionLevel.VIEWER));

    MassChangeHold hold = MassChangeGuard.check(plan(10_000, times(26, archive)), account(10, 25), "held-1");

    assertThat(hold.overPercentage()).isFalse();
    assertThat(hold.reason()).isEqualTo("would archive or delete 26 people (cap 25)");
  }

  @Test
  void tagAdditionsDoNotCountButRemovalsDo() {
    SyncOperation add = new SyncOperation.AssignTags(Set.of("1"), Set.of("1", "2"));
    SyncOperation remove = new SyncOperation.AssignTags(Set.of("1", "2"), Set.of("1"));

    assertThat(MassChangeGuard.check(plan(10, times(5, add)), account(10, 25), "h")).isNull();
    assertThat(MassChangeGuard.check(plan(10, times(5, remove)), account(10, 25), "h")).isNotNull();
  }

  @Test
  void oneHundredPercentDisablesThePercentageCheck() {
    assertThat(MassChangeGuard.check(plan(10, times(10, overwrite())), account(100, 25), "h")).isNull();
  }
}
