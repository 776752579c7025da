package org.pcosync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pcosync.api.Gender;
import org.pcosync.api.InvalidValueException;
import org.pcosync.api.PhoneType;
import org.pcosync.api.PostalAddress;

final class ContactSubmissionTest {

  private static String fieldOf(Runnable build) {
    try {
      build.run();
    } catch (InvalidValueException e) {
      return e.field();
    }
    throw new AssertionError("no InvalidValueException");
  }

  @Test
  void missingFirstNameNamesTheField() {
    assertThat(fieldOf(() -> ContactSubmission.builder(" ", "Parker", "j@example.org").build())).isEqualTo("firstName");
  }

  @Test
  void missingLastNameNamesTheField() {
    assertThat(fieldOf(() -> ContactSubmission.builder("Jimmy", null, "j@example.org").build())).isEqualTo("lastName");
  }

  @Test
  void malformedEmailNamesTheField() {
    assertThat(fieldOf(() -> ContactSubmission.builder("Jimmy", "Parker", "jimmy at example").build())).isEqualTo("email");
  }

  @Test
  void unknownGenderTextNamesTheField() {
    assertThat(fieldOf(() -> ContactSubmission.builder("Jimmy", "Parker", "j@example.org").gender("X"))).isEqualTo("gender");
  }

  @Test
  void valuesAreTrimmedAndBlankOptionalsDropped() {
    ContactSubmission s = ContactSubmission.builder(" Jimmy ", "Parker", " J@example.org ")
        .phone(PhoneType.HOME, "  ").homeAddress(PostalAddress.of(" ", null, null, null, null)).gender("").build();

    assertThat(s.firstName()).isEqualTo("Jimmy");
    assertThat(s.email()).isEqualTo("J@example.org");
    assertThat(s.phones()).isEmpty();
    assertThat(s.homeAddress()).isNull();
    assertThat(s.gender()).isEqualTo(Gender.UNKNOWN);
  }

  @Test
  void asPersonDataTheEnteredNameIsTheFirstName() {
    ContactSubmission s = ContactSubmission.builder("Jimmy", "Parker", "j@example.org").phone(PhoneType.MOBILE, "623-555-0101")
        .build();

    assertThat(s.toPersonData().firstName()).isEqualTo("Jimmy");
    assertThat(s.toPersonData().nickname()).isNull();
    assertThat(s.toPersonData().phone(PhoneType.MOBILE)).isEqualTo("623-555-0101");
  }

  @Test
  void nullPhoneMapIsRejected() {
    assertThatThrownBy(() -> new ContactSubmission("A", "B", "a@example.org", null, null, null, null))
        .isInstanceOf(NullPointerException.class);
  }
}
