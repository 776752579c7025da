package org.pcosync.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pcosync.api.AvailableTag;
import org.pcosync.api.PersonData;
import org.pcosync.api.spi.TagAttributeStore;
import org.pcosync.testkit.memory.HostFixture;

/**
 * The contract of {@link TagAttributeStore}, as a JUnit 5 test class an adapter's test extends.
 *
 * <pre>{@code
 * final class MyTagAttributeStoreContractTest extends TagAttributeStoreContract {
 *   @Override
 *   protected TagAttributeStore createStore(HostFixture fixture) {
 *     return MyTagAttribute.seededWith(fixture);   // a fresh, empty database each time
 *   }
 *
 *   @Override
 *   protected boolean supportsReadingPublishedTags() { return true; }
 *
 *   @Override
 *   protected List<AvailableTag> publishedTags(TagAttributeStore store, String accountId) {
 *     return ((MyTagAttribute) store).choices(accountId);
 *   }
 * }
 * }</pre>
 *
 * <p>Every test gets a fresh store from {@link #createStore}, seeded with {@link #FIXTURE}'s selected
 * tags. What {@link TagAttributeStore#publishAvailableTags} published cannot be read through the
 * SPI: the kit checks it only when {@link #supportsReadingPublishedTags()} and
 * {@link #publishedTags} are overridden.
 *
 * <p>Not thread-safe: JUnit creates one instance per test.
 */
public abstract class TagAttributeStoreContract {

  /** The account most tags are selected in. */
  public static final String ACCOUNT = "church-1";
  /** Another account, where Ted carries another tag. */
  public static final String OTHER_ACCOUNT = "church-2";

  /** A tag linked to a host group. */
  public static final AvailableTag GROUP_TAG = new AvailableTag("tag-1", "Greeter", "Teams", Set.of("201"));
  /** A tag selected by hand. */
  public static final AvailableTag HAND_TAG = new AvailableTag("tag-2", "Tenor", "Voices", Set.of());

  /** The selected tags every test starts with: Ted (101) and Pat (102) in {@link #ACCOUNT}, Ted in {@link #OTHER_ACCOUNT}. */
  public static final HostFixture FIXTURE = HostFixture.builder()
      .person("101", PersonData.builder().firstName("Ted").lastName("Decker").build())
      .person("102", PersonData.builder().firstName("Pat").lastName("Lee").build())
      .person("103", PersonData.builder().firstName("Sam").lastName("Lee").build())
      .selectedTags(ACCOUNT, "101", "tag-1", "tag-2")
      .selectedTags(ACCOUNT, "102", "tag-3")
      .selectedTags(OTHER_ACCOUNT, "101", "tag-9")
      .build();

  /** The store under test, fresh for each test. */
  protected TagAttributeStore store;

  /** Creates the kit; subclasses need a no-argument constructor. */
  protected TagAttributeStoreContract() {}

  /**
   * Returns a new store holding exactly the fixture's selected tags (and its people, if the host
   * needs them to exist). Called once per test.
   *
   * @param fixture the data to seed, always {@link #FIXTURE} today
   */
  protected abstract TagAttributeStore createStore(HostFixture fixture);

  /** Returns whether {@link #publishedTags} reads what was published; false by default. */
  protected boolean supportsReadingPublishedTags() {
    return false;
  }

  /**
   * Returns the tags the host currently offers for an account, as last published (any order).
   * Override together with {@link #supportsReadingPublishedTags()}.
   *
   * @param store the store under test
   */
  protected List<AvailableTag> publishedTags(TagAttributeStore store, String accountId) {
    throw new UnsupportedOperationException("override publishedTags(..) together with supportsReadingPublishedTags()");
  }

  @BeforeEach
  final void createSubject() {
    store = createStore(FIXTURE);
  }

  /** selectedTags and setSelectedTags. */
  @Nested
  @DisplayName("selected tags")
  final class SelectedTags {

    @Test
    @DisplayName("selectedTags returns the person's tags in that account")
    void returnsThePersonsTagsInTheAccount() {
      assertThat(store.selectedTags("101", ACCOUNT)).containsExactlyInAnyOrder("tag-1", "tag-2");
      assertThat(store.selectedTags("101", OTHER_ACCOUNT)).containsExactly("tag-9");
    }

    @Test
    @DisplayName("selectedTags of a person without tags is empty")
    void emptyForPersonWithoutTags() {
      assertThat(store.selectedTags("103", ACCOUNT)).isEmpty();
    }

    @Test
    @DisplayName("selectedTags in an account without tags is empty")
    void emptyForAccountWithoutTags() {
      assertThat(store.selectedTags("101", "church-without-tags")).isEmpty();
    }

    @Test
    @DisplayName("setSelectedTags replaces the whole set")
    void setSelectedTagsReplacesTheSet() {
      store.setSelectedTags("101", ACCOUNT, Set.of("tag-2", "tag-4"));

      assertThat(store.selectedTags("101", ACCOUNT)).containsExactlyInAnyOrder("tag-2", "tag-4");
    }

    @Test
    @DisplayName("setSelectedTags gives a person without tags their first ones")
    void setSelectedTagsOnPersonWithoutTags() {
      store.setSelectedTags("103", ACCOUNT, Set.of("tag-5"));

      assertThat(store.selectedTags("103", ACCOUNT)).containsExactly("tag-5");
    }

    @Test
    @DisplayName("setSelectedTags with an empty set clears the person's tags")
    void emptySetClearsTags() {
      store.setSelectedTags("101", ACCOUNT, Set.of());

      assertThat(store.selectedTags("101", ACCOUNT)).isEmpty();
    }

    @Test
    @DisplayName("setSelectedTags leaves the person's tags in other accounts alone")
    void setSelectedTagsLeavesOtherAccountsAlone() {
      store.setSelectedTags("101", ACCOUNT, Set.of());

      assertThat(store.selectedTags("101", OTHER_ACCOUNT)).containsExactly("tag-9");
    }

    @Test
    @DisplayName("setSelectedTags leaves other people's tags alone")
    void setSelectedTagsLeavesOtherPeopleAlone() {
      store.setSelectedTags("101", ACCOUNT, Set.of("tag-3", "tag-4"));

      assertThat(store.selectedTags("102", ACCOUNT)).containsExactly("tag-3");
    }
  }

  /** peopleWithTags. */
  @Nested
  @DisplayName("people with tags")
  final class PeopleWithTags {

    @Test
    @DisplayName("peopleWithTags returns every person with a tag in the account, with their tags")
    void returnsEveryTaggedPerson() {
      assertThat(store.peopleWithTags(ACCOUNT))
          .isEqualTo(Map.of("101", Set.of("tag-1", "tag-2"), "102", Set.of("tag-3")));
    }

    @Test
    @DisplayName("peopleWithTags leaves out a person whose tags were cleared")
    void leavesOutClearedPerson() {
      store.setSelectedTags("102", ACCOUNT, Set.of());

      assertThat(store.peopleWithTags(ACCOUNT)).isEqualTo(Map.of("101", Set.of("tag-1", "tag-2")));
    }

    @Test
    @DisplayName("peopleWithTags sees tags set since")
    void seesTagsSetSince() {
      store.setSelectedTags("103", ACCOUNT, Set.of("tag-5"));

      assertThat(store.peopleWithTags(ACCOUNT)).containsEntry("103", Set.of("tag-5")).hasSize(3);
    }

    @Test
    @DisplayName("peopleWithTags of an account without tags is empty")
    void emptyForAccountWithoutTags() {
      assertThat(store.peopleWithTags("church-without-tags")).isEmpty();
    }
  }

  /** publishAvailableTags. */
  @Nested
  @DisplayName("available tags")
  final class AvailableTags {

    @Test
    @DisplayName("publishAvailableTags leaves every person's selected tags alone")
    void publishLeavesSelectionsAlone() {
      store.publishAvailableTags(ACCOUNT, List.of(GROUP_TAG, HAND_TAG));

      assertThat(store.peopleWithTags(ACCOUNT))
          .isEqualTo(Map.of("101", Set.of("tag-1", "tag-2"), "102", Set.of("tag-3")));
    }

    @Test
    @DisplayName("published tags are offered with their names, groups and controlling groups")
    void publishedTagsAreOffered() {
      assumeTrue(supportsReadingPublishedTags(), "published tags cannot be read");

      store.publishAvailableTags(ACCOUNT, List.of(GROUP_TAG, HAND_TAG));

      assertThat(publishedTags(store, ACCOUNT)).containsExactlyInAnyOrder(GROUP_TAG, HAND_TAG);
    }

    @Test
    @DisplayName("publishAvailableTags replaces what was published before")
    void publishReplacesPreviousTags() {
      assumeTrue(supportsReadingPublishedTags(), "published tags cannot be read");
      store.publishAvailableTags(ACCOUNT, List.of(GROUP_TAG, HAND_TAG));

      store.publishAvailableTags(ACCOUNT, List.of(HAND_TAG));

      assertThat(publishedTags(store, ACCOUNT)).containsExactly(HAND_TAG);
    }

    @Test
    @DisplayName("publishing no tags offers none")
    void publishingNoTagsOffersNone() {
      assumeTrue(supportsReadingPublishedTags(), "published tags cannot be read");
      store.publishAvailableTags(ACCOUNT, List.of(GROUP_TAG, HAND_TAG));

      store.publishAvailableTags(ACCOUNT, List.of());

      assertThat(publishedTags(store, ACCOUNT)).isEmpty();
    }

    @Test
    @DisplayName("publishAvailableTags leaves other accounts' tags alone")
    void publishLeavesOtherAccountsAlone() {
      assumeTrue(supportsReadingPublishedTags(), "published tags cannot be read");
      store.publishAvailableTags(OTHER_ACCOUNT, List.of(HAND_TAG));

      store.publishAvailableTags(ACCOUNT, List.of(GROUP_TAG));

      assertThat(publishedTags(store, OTHER_ACCOUNT)).containsExactly(HAND_TAG);
    }
  }
}
