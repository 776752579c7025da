package org.pcosync.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The contract kit fails every deliberately broken adapter, on exactly the checks that describe its
 * defect: each broken adapter's kit subclass is run through the JUnit Platform launcher and the set
 * of failed checks is compared with the expected one.
 */
final class KitCatchesBrokenAdaptersTest {

  static Stream<Arguments> brokenAdapters() {
    return Stream.of(
        // ---- PersonRepository
        broken(BrokenPersonRepositories.CaseSensitiveEmail.class, "findByEmailIgnoresCase", "findByEmailReturnsEveryMatch"),
        broken(BrokenPersonRepositories.UntrimmedEmail.class, "findByEmailIgnoresSurroundingWhitespace"),
        broken(BrokenPersonRepositories.FirstEmailMatchOnly.class, "findByEmailReturnsEveryMatch"),
        broken(BrokenPersonRepositories.SubstringEmail.class, "findByEmailMatchesWholeAddresses", "findByEmailReturnsEveryMatch"),
        broken(BrokenPersonRepositories.UpdateWritesUnlistedFields.class, "updateChangesExactlyTheListedFields"),
        broken(BrokenPersonRepositories.UpdateNeverClears.class, "updateWithNullClearsTheField"),
        broken(BrokenPersonRepositories.UpdateOfUnknownIdIgnored.class, "updateOfUnknownIdThrows"),
        broken(BrokenPersonRepositories.BatchLookupKeepsAbsentIds.class, "findByIdsLeavesAbsentIdsOut"),
        broken(BrokenPersonRepositories.StableIdBatchKeyedByFoundPerson.class, "batchLookupMapsBothStableIdsToKeptPerson"),
        broken(BrokenPersonRepositories.MergeLosesStableIdentity.class,
            "batchLookupMapsBothStableIdsToKeptPerson",
            "mergedStableIdFindsKeptPerson",
            "mergedStableIdFollowsLaterUpdates"),
        broken(BrokenPersonRepositories.ModifiedSinceExclusive.class,
            "includesPersonCreatedSince",
            "includesPersonUpdatedAtTheInstant",
            "leavesOutPeopleNotChangedSince"),
        broken(BrokenPersonRepositories.ModifiedSinceSilentlyEmpty.class, "unsupportedModifiedSinceThrows"),
        // ---- GroupRepository
        broken(BrokenHostStores.InactiveMembersCounted.class, "leavesOutInactiveMembers"),
        broken(BrokenHostStores.GroupsOfEveryAccount.class,
            "emptyForAccountWithoutGroups",
            "leavesOutOtherGroups",
            "returnsTheAccountsGroups"),
        broken(BrokenHostStores.AddMemberIgnoresUnknownGroup.class, "addMemberToUnknownGroupThrows"),
        // ---- TagAttributeStore
        broken(BrokenHostStores.SetSelectedTagsAdds.class,
            "emptySetClearsTags",
            "leavesOutClearedPerson",
            "setSelectedTagsReplacesTheSet"),
        broken(BrokenHostStores.ClearedPersonStillListed.class, "leavesOutClearedPerson"),
        broken(BrokenHostStores.PublishAppends.class, "publishReplacesPreviousTags", "publishingNoTagsOffersNone"),
        // ---- SyncStateStore
        broken(BrokenSyncStateStores.DuplicateLinksAllowed.class,
            "conflictingLinkChangesNothing",
            "conflictingLinkLeavesNewHostUnlinked",
            "exactlyOneRacingLinkWins",
            "keepsLinkUniqueness",
            "linkingTakenPcoIdThrows"),
        broken(BrokenSyncStateStores.ConflictAfterPartialWrite.class, "conflictingLinkChangesNothing"),
        broken(BrokenSyncStateStores.StalePcoIndex.class,
            "deleteLinkRemovesBothWays",
            "deletedLinksPcoIdCanBeLinkedAgain",
            "freedPcoIdCanBeLinkedAgain",
            "relinkingFreesOldPcoId"),
        broken(BrokenSyncStateStores.SnapshotsLoseCarriageReturns.class,
            "conflictingLinkChangesNothing",
            "deletedLinksPcoIdCanBeLinkedAgain",
            "freedPcoIdCanBeLinkedAgain",
            "linksReturnsTheAccountsLinks",
            "relinkingFreesOldPcoId",
            "savedLinkIsFoundByHost",
            "savedLinkIsFoundByPco",
            "savingSameHostReplacesLink",
            "seesLaterWritesOfAnotherInstance",
            "seesLinks",
            "uniquenessIsPerAccount"),
        broken(BrokenSyncStateStores.CursorInSeconds.class,
            "cursorsArePerAccountAndName",
            "savedCursorIsReadBack",
            "savingCursorOverwrites",
            "seesCursors",
            "seesLaterWritesOfAnotherInstance"),
        broken(BrokenSyncStateStores.CheckpointNeverCleared.class, "clearCheckpointRemovesIt", "seesCheckpoints"),
        broken(BrokenSyncStateStores.CreateIntentFirstWins.class, "savingIntentReplacesIt"),
        broken(BrokenSyncStateStores.JournalOldestFirst.class, "journalIsNewestCreatedFirst", "seesJournal"),
        broken(BrokenSyncStateStores.JournalByUpdatedAt.class, "journalIsNewestCreatedFirst"),
        broken(BrokenSyncStateStores.JournalAppends.class, "savingSameIdReplacesEntry"),
        broken(BrokenSyncStateStores.StateLostOnReopen.class,
            "exactlyOneRacingLinkWins",
            "exactlyOneRacingOwnerGetsTheLease",
            "expiredLeaseIsTakenByAnotherOwner",
            "heldLeaseIsExclusiveAcrossStores",
            "keepsLinkUniqueness",
            "leaseIsHeldUntilJustBeforeExpiry",
            "releaseOfLostLeaseDoesNothing",
            "releaseOfSameOwnersEarlierLeaseDoesNothing",
            "releaseWithOtherTokenDoesNothing",
            "renewFailsAfterLeaseWasTaken",
            "renewOfSameOwnersEarlierLeaseFails",
            "renewedLeaseOutlivesOriginalExpiry",
            "seesCheckpoints",
            "seesCreateIntents",
            "seesCursors",
            "seesJournal",
            "seesLaterWritesOfAnotherInstance",
            "seesLease",
            "seesLinks"),
        broken(BrokenSyncStateStores.LeaseNotSharedAcrossStores.class,
            "exactlyOneRacingOwnerGetsTheLease",
            "expiredLeaseIsTakenByAnotherOwner",
            "heldLeaseIsExclusiveAcrossStores",
            "leaseIsHeldUntilJustBeforeExpiry",
            "releaseOfLostLeaseDoesNothing",
            "releaseOfSameOwnersEarlierLeaseDoesNothing",
            "releaseWithOtherTokenDoesNothing",
            "renewFailsAfterLeaseWasTaken",
            "renewOfSameOwnersEarlierLeaseFails",
            "renewedLeaseOutlivesOriginalExpiry",
            "seesLease"),
        broken(BrokenSyncStateStores.LeaseNeverExpires.class,
            "expiredLeaseIsTakenByAnotherOwner",
            "releaseOfLostLeaseDoesNothing",
            "releaseOfSameOwnersEarlierLeaseDoesNothing",
            "renewFailsAfterLeaseWasTaken",
            "renewOfSameOwnersEarlierLeaseFails"),
        broken(BrokenSyncStateStores.LeaseReleasableByAnyone.class,
            "releaseOfLostLeaseDoesNothing",
            "releaseOfSameOwnersEarlierLeaseDoesNothing",
            "releaseWithOtherTokenDoesNothing"),
        broken(BrokenSyncStateStores.RenewChecksOwnerNotToken.class, "renewOfSameOwnersEarlierLeaseFails"),
        broken(BrokenSyncStateStores.LeaseCheckThenAct.class, "exactlyOneRacingOwnerGetsTheLease"));
  }

  private static Arguments broken(Class<?> kit, String... expectedFailures) {
    return arguments(Named.of(kit.getSimpleName(), kit), Set.of(expectedFailures));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenAdapters")
  void kitFailsExactlyTheChecksTheDefectBreaks(Class<?> kit, Set<String> expectedFailures) {
    Run run = run(kit);

    assertThat(run.failures.keySet()).as("failed checks of %s, with their failures:%n%s", kit.getSimpleName(), run.failures)
        .containsExactlyInAnyOrderElementsOf(expectedFailures);
    assertThat(run.summary.getTestsSucceededCount()).as("checks that passed").isPositive();
  }

  /** The outcome of running one kit subclass: failed check (method name) → its failure. */
  private record Run(TestExecutionSummary summary, TreeMap<String, String> failures) {}

  private static Run run(Class<?> kit) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kit)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    TreeMap<String, String> failures = new TreeMap<>();
    for (TestExecutionSummary.Failure f : summary.getFailures()) {
      TestSource source = f.getTestIdentifier().getSource().orElse(null);
      String name = source instanceof org.junit.platform.engine.support.descriptor.MethodSource m ? m.getMethodName() : "container " + f.getTestIdentifier().getDisplayName();
      failures.put(name, f.getException().getClass().getSimpleName() + ": " + firstLine(f.getException().getMessage()));
    }
    return new Run(summary, failures);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.strip().lines().findFirst().orElse("");
  }
}
