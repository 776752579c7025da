package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.pcosync.api.Gender;
import org.pcosync.api.InvalidValueException;
import org.pcosync.api.Normalize;
import org.pcosync.api.PersonData;
import org.pcosync.api.PhoneType;
import org.pcosync.api.PostalAddress;

/**
 * What someone entered in a web form, for {@link PcoSync#pushContact}: first and last name and an
 * email (required), and optionally phone numbers, a home address, gender and birthdate. Validated
 * on construction: a missing name, a malformed email or phone throws an
 * {@link InvalidValueException} whose {@link InvalidValueException#field() field()} names the form
 * field ({@code "firstName"}, {@code "lastName"}, {@code "email"}, {@code "phone.MOBILE"}, …).
 *
 * <pre>{@code
 * ContactSubmission s = ContactSubmission.builder("Jimmy", "Parker", "jimmy.parker@example.org")
 *     .phone(PhoneType.MOBILE, "(623) 555-0101")
 *     .birthdate(LocalDate.of(1990, 4, 2))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param firstName the first name as entered, trimmed; non-blank
 * @param lastName the last name, trimmed; non-blank
 * @param email the email, trimmed; a valid address
 * @param phones phone numbers by type, each with 7 to 15 digits; may be empty
 * @param homeAddress the address; nullable
 * @param gender the gender; {@link Gender#UNKNOWN} when not given
 * @param birthdate the birthdate; nullable
 */
public record ContactSubmission(
    String firstName,
    String lastName,
    String email,
    Map<PhoneType, String> phones,
    PostalAddress homeAddress,
    Gender gender,
    LocalDate birthdate) {

  /** Validates the components and normalises them. */
  public ContactSubmission {
    firstName = required("firstName", firstName);
    lastName = required("lastName", lastName);
    String e = Normalize.text(email);
    if (!Normalize.isValidEmail(e)) {
      throw new InvalidValueException("email", email, e == null ? "required" : "not an email address");
    }
    email = e;
    requireNonNull(phones, "phones == null");
    EnumMap<PhoneType, String> copy = new EnumMap<>(PhoneType.class);
    phones.forEach((type, number) -> {
      requireNonNull(type, "phones has a null type");
      String n = Normalize.text(number);
      if (n != null) {
        if (!Normalize.isValidPhone(n)) {
          throw new InvalidValueException("phone." + type, number, "needs 7 to 15 digits");
        }
        copy.put(type, n);
      }
    });
    phones = Map.copyOf(copy);
    if (homeAddress != null && homeAddress.isEmpty()) {
      homeAddress = null;
    }
    gender = gender == null ? Gender.UNKNOWN : gender;
  }

  private static String required(String field, String value) {
    String t = Normalize.text(value);
    if (t == null) {
      throw new InvalidValueException(field, value, "required");
    }
    return t;
  }

  /** Returns a builder with the three required fields (validated by {@link Builder#build()}). */
  public static Builder builder(String firstName, String lastName, String email) {
    return new Builder(firstName, lastName, email);
  }

  /** Returns the submission as person data (the name entered is the first name). */
  public PersonData toPersonData() {
    PersonData.Builder b = PersonData.builder().firstName(firstName).lastName(lastName).email(email)
        .homeAddress(homeAddress).gender(gender).birthdate(birthdate);
    phones.forEach(b::phone);
    return b.build();
  }

  /** Builds a {@link ContactSubmission}; validates on {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final String firstName;
    private final String lastName;
    private final String email;
    private final Map<PhoneType, String> phones = new EnumMap<>(PhoneType.class);
    private PostalAddress homeAddress;
    private Gender gender = Gender.UNKNOWN;
    private LocalDate birthdate;

    private Builder(String firstName, String lastName, String email) {
      this.firstName = firstName;
      this.lastName = lastName;
      this.email = email;
    }

    /** Sets the phone number of a type; {@code null} or blank removes it. */
    public Builder phone(PhoneType type, String number) {
      requireNonNull(type, "type == null");
      if (number == null) {
        phones.remove(type);
      } else {
        phones.put(type, number);
      }
      return this;
    }

    /** Sets the home address; nullable. */
    public Builder homeAddress(PostalAddress v) {
      homeAddress = v;
      return this;
    }

    /** Sets the gender; {@code null} means not given. */
    public Builder gender(Gender v) {
      gender = v;
      return this;
    }

    /**
     * Sets the gender from form text ("M", "Female", …); blank means not given.
     *
     * @throws InvalidValueException naming {@code "gender"} for text that is no gender
     */
    public Builder gender(String v) {
      gender = Gender.parse(v);
      return this;
    }

    /** Sets the birthdate; nullable. */
    public Builder birthdate(LocalDate v) {
      birthdate = v;
      return this;
    }

    /**
     * Returns the submission.
     *
     * @throws InvalidValueException naming the first invalid field
     */
    public ContactSubmission build() {
      return new ContactSubmission(firstName, lastName, email, phones, homeAddress, gender, birthdate);
    }
  }
}
