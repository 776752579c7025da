package org.pcosync.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class FakePcoMergeTest {
  @RegisterExtension
  final FakePcoExtension fake = FakePcoExtension.configure(FakePco.Builder::noRateLimit);

  private String keep;
  private String remove;

  private void twoJims() {
    keep = fake.pco().people().addPerson(PersonSeed.builder("James", "Doe").email("james@example.com")
        .phone("2065550100", "Home").build());
    remove = fake.pco().people().addPerson(PersonSeed.builder("Jim", "Doe").email("jim@example.com")
        .email("JAMES@example.com").phone("2065550199", "Mobile").build());
  }

  @Test
  void mergedAwayIdIs404() {
    twoJims();

    fake.pco().people().mergePeople(keep, remove);

    assertThat(new Http(fake.pco()).get("/people/v2/people/" + remove).statusCode()).isEqualTo(404);
    assertThat(fake.pco().people().person(remove)).isEmpty();
  }

  @Test
  void survivorKeepsEveryEmailAndPhoneOnce() {
    twoJims();

    fake.pco().people().mergePeople(keep, remove);

    PersonSnapshot p = fake.pco().people().person(keep).orElseThrow();
    assertThat(p.emailAddresses()).containsExactlyInAnyOrder("james@example.com", "jim@example.com");
    assertThat(p.phoneNumberValues()).containsExactlyInAnyOrder("(206) 555-0100", "(206) 555-0199");
  }

  @Test
  void survivorsUpdatedAtMoves() {
    twoJims();
    fake.clock().advance(Duration.ofHours(1));

    fake.pco().people().mergePeople(keep, remove);

    assertThat(fake.pco().people().person(keep).orElseThrow().updatedAt()).isEqualTo(fake.clock().instant());
  }

  @Test
  void personMergerAppearsInTheApi() {
    twoJims();
    fake.clock().advance(Duration.ofMinutes(2));

    PersonMerger merger = fake.pco().people().mergePeople(keep, remove);

    JsonNode doc = Http.json(new Http(fake.pco()).get("/people/v2/person_mergers?where[person_to_remove_id]=" + remove));
    assertThat(doc.at("/meta/total_count").asInt()).isEqualTo(1);
    JsonNode m = doc.at("/data/0");
    assertThat(m.get("type").asText()).isEqualTo("PersonMerger");
    assertThat(m.get("id").asText()).isEqualTo(merger.id());
    assertThat(m.at("/attributes/person_to_keep_id").asText()).isEqualTo(keep);
    assertThat(m.at("/attributes/person_to_remove_id").asText()).isEqualTo(remove);
    assertThat(m.at("/attributes/created_at").asText()).isEqualTo(fake.clock().instant().toString());
    assertThat(fake.pco().people().mergers()).containsExactly(merger);
  }

  @Test
  void servicesMembershipAndTagsCarryOver() {
    twoJims();
    fake.pco().services().addServicesPerson(remove, "Editor");
    String band = fake.pco().services().addTag(fake.pco().services().addTagGroup("Teams"), "Band");
    fake.pco().services().setTags(remove, java.util.List.of(band));

    fake.pco().people().mergePeople(keep, remove);

    assertThat(fake.pco().services().person(keep).orElseThrow().permissions()).isEqualTo("Editor");
    assertThat(fake.pco().services().tagsOf(keep)).containsExactly(band);
    assertThat(fake.pco().services().isInServices(remove)).isFalse();
  }

  @Test
  void mergeIsNotPossibleThroughTheApi() {
    assertThat(new Http(fake.pco()).post("/people/v2/person_mergers", Http.data("PersonMerger", "{}")).statusCode())
        .isEqualTo(405);
  }

  @Test
  void mergingIntoSelfIsRejected() {
    twoJims();

    assertThatThrownBy(() -> fake.pco().people().mergePeople(keep, keep)).isInstanceOf(IllegalArgumentException.class);
  }
}
