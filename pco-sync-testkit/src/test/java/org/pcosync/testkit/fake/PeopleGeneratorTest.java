package org.pcosync.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcosync.testkit.fake.internal.PeopleGenerator;

final class PeopleGeneratorTest {

  @Test
  void sameSeedGivesSamePeople() {
    assertThat(PeopleGenerator.generate(50, 42)).isEqualTo(PeopleGenerator.generate(50, 42));
  }

  @Test
  void differentSeedsGiveDifferentPeople() {
    assertThat(PeopleGenerator.generate(50, 1)).isNotEqualTo(PeopleGenerator.generate(50, 2));
  }

  @Test
  void namesIncludeNonAsciiLetters() {
    List<PersonSeed> people = PeopleGenerator.generate(200, 1);

    assertThat(people).anySatisfy(p -> assertThat(p.firstName() + p.lastName()).matches(".*[^\\x00-\\x7F].*"));
  }

  @Test
  void someSpousesShareAnEmail() {
    List<PersonSeed> people = PeopleGenerator.generate(200, 1);

    Map<String, Long> byEmail = people.stream().filter(p -> !p.emails().isEmpty())
        .collect(Collectors.groupingBy(p -> p.emails().get(0).address(), HashMap::new, Collectors.counting()));
    assertThat(byEmail.values()).anySatisfy(n -> assertThat(n).isGreaterThan(1));
  }

  @Test
  void someNearDuplicatesShareALastNameWithANicknameOrCaseVariant() {
    List<PersonSeed> people = PeopleGenerator.generate(200, 1);

    assertThat(people).anySatisfy(p -> assertThat(p.firstName()).isIn("Jim", "Bob", "Bill", "Liz", "Mike", "Pat",
        "Dave", "Jen", "Sam", "Dan", "Josh", "Barb"));
  }

  @Test
  void everyGeneratedPersonIsAcceptedByTheFake() {
    try (FakePco pco = FakePco.builder().build().start()) {
      List<String> ids = pco.people().generatePeople(200, 9);

      assertThat(ids).hasSize(200).doesNotHaveDuplicates();
      assertThat(pco.people().all()).allSatisfy(p -> assertThat(p.emails()).isNotEmpty());
    }
  }
}
