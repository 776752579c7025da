package org.pcosync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pcosync.core.PersonPlan;
import org.pcosync.core.SyncOperation;
import org.pcosync.core.SyncPlan;

/** The planning benchmarks' fixture is what BENCHMARKS.md says it is. */
final class WorldTest {
  private static final int N = 1_000;

  @Test
  void linkedWorldHoldsEveryPersonOnBothSidesAndLinksThemAll() {
    World world = World.linked(N);

    assertThat(world.host().people().size()).isEqualTo(N);
    assertThat(world.pco().peopleCount()).as("plus the account's own user").isEqualTo(N + 1);
    assertThat(world.state().links(World.ACCOUNT)).hasSize(N);
  }

  @Test
  void steadyStatePlanIsEmptyAndReadsWithoutWriting() {
    World world = World.linked(N);

    SyncPlan plan = world.sync().dryRun();

    assertThat(plan.people()).isEmpty();
    assertThat(plan.failures()).isEmpty();
    assertThat(plan.conflicts()).isEmpty();
    assertThat(plan.linkedCount()).isEqualTo(N);
    assertThat(world.pco().writes()).isEmpty();
  }

  @Test
  void onePercentEditsOnEachSidePlanOneWriteForEachEditedPerson() {
    World world = World.linked(N);
    int edited = world.editOnePercentOnEachSide();

    SyncPlan plan = world.sync().dryRun();

    assertThat(edited).isEqualTo(N / 50);
    assertThat(plan.people()).hasSize(N / 50);
    assertThat(plan.people()).allSatisfy(p -> assertThat(writes(p)).isEqualTo(1));
    assertThat(plan.people().stream().filter(p -> p.operations().stream().anyMatch(SyncOperation::writesPco)))
        .as("host edits go to PCO").hasSize(N / 100);
    assertThat(plan.failures()).isEmpty();
    assertThat(world.pco().writes()).as("a dry run writes nothing").isEmpty();
  }

  @Test
  void unlinkedWorldPlansOneLinkPerPerson() {
    World world = World.unlinked(N);

    SyncPlan plan = world.sync().dryRun();

    assertThat(plan.people()).hasSize(N);
    assertThat(plan.people()).allSatisfy(p ->
        assertThat(p.operations().get(0)).isInstanceOf(SyncOperation.LinkPerson.class));
    assertThat(plan.people()).allSatisfy(p -> assertThat(writes(p)).isZero());
  }

  private static long writes(PersonPlan p) {
    return p.operations().stream().filter(o -> o.writesPco() || o.writesHost()).count();
  }
}
