package org.pcosync.api;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The synchronised data of a person, as the host holds it: names, gender, dates, primary email,
 * home address and one phone per {@link PhoneType}. Identity lives in {@link HostPerson}.
 *
 * <p>Text is trimmed and NFC-normalised and blank becomes {@code null}; nothing else is validated
 * here, because a host must be able to hand over bad data (a malformed email) and get a report
 * naming the person and field instead of an exception while loading. The engine validates.
 * Every component but {@code gender} and {@code phones} is nullable. Immutable and thread-safe.
 *
 * <pre>{@code
 * PersonData ted = PersonData.builder()
 *     .firstName("Theodore").nickname("Ted").lastName("Decker")
 *     .email("ted@example.org").phone(PhoneType.MOBILE, "555-0100")
 *     .build();
 * }</pre>
 */
public record PersonData(
    String firstName,
    String nickname,
    String middleName,
    String lastName,
    String email,
    Gender gender,
    LocalDate birthdate,
    LocalDate anniversary,
    PostalAddress homeAddress,
    Map<PhoneType, String> phones) {

  /** Validates the components and normalises them. */
  public PersonData {
    firstName = Normalize.text(firstName);
    nickname = Normalize.text(nickname);
    middleName = Normalize.text(middleName);
    lastName = Normalize.text(lastName);
    email = Normalize.text(email);
    gender = gender == null ? Gender.UNKNOWN : gender;
    if (homeAddress != null && homeAddress.isEmpty()) {
      homeAddress = null;
    }
    requireNonNull(phones, "phones == null");
    EnumMap<PhoneType, String> copy = new EnumMap<>(PhoneType.class);
    phones.forEach(
        (type, number) -> {
          requireNonNull(type, "phones has a null type");
          String n = Normalize.text(number);
          if (n != null) {
            copy.put(type, n);
          }
        });
    phones = Map.copyOf(copy);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this person's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.firstName = firstName;
    b.nickname = nickname;
    b.middleName = middleName;
    b.lastName = lastName;
    b.email = email;
    b.gender = gender;
    b.birthdate = birthdate;
    b.anniversary = anniversary;
    b.homeAddress = homeAddress;
    b.phones.putAll(phones);
    return b;
  }

  /** Returns the phone number of a type, or {@code null}. */
  public String phone(PhoneType type) {
    return phones.get(type);
  }

  /**
   * Returns the value of a person-data field, typed as {@link SyncField} documents; {@code null}
   * when absent ({@link Gender#UNKNOWN} counts as absent).
   *
   * @throws IllegalArgumentException for a field that is not {@link SyncField#isPersonData()}
   */
  public Object get(SyncField field) {
    switch (field) {
      case FIRST_NAME:
        return firstName;
      case NICKNAME:
        return nickname;
      case MIDDLE_NAME:
        return middleName;
      case LAST_NAME:
        return lastName;
      case GENDER:
        return gender == Gender.UNKNOWN ? null : gender;
      case BIRTHDATE:
        return birthdate;
      case ANNIVERSARY:
        return anniversary;
      case EMAIL:
        return email;
      case HOME_PHONE:
      case WORK_PHONE:
      case MOBILE_PHONE:
        return phones.get(field.phoneType());
      case HOME_ADDRESS:
        return homeAddress;
      default:
        throw new IllegalArgumentException(field + " is not a person-data field");
    }
  }

  /**
   * Returns a copy with one field set; {@code null} clears it.
   *
   * @throws IllegalArgumentException for a non person-data field or a value of the wrong type
   */
  public PersonData with(SyncField field, Object value) {
    Builder b = toBuilder();
    try {
      switch (field) {
        case FIRST_NAME:
          return b.firstName((String) value).build();
        case NICKNAME:
          return b.nickname((String) value).build();
        case MIDDLE_NAME:
          return b.middleName((String) value).build();
        case LAST_NAME:
          return b.lastName((String) value).build();
        case GENDER:
          return b.gender((Gender) value).build();
        case BIRTHDATE:
          return b.birthdate((LocalDate) value).build();
        case ANNIVERSARY:
          return b.anniversary((LocalDate) value).build();
        case EMAIL:
          return b.email((String) value).build();
        case HOME_PHONE:
        case WORK_PHONE:
        case MOBILE_PHONE:
          return b.phone(field.phoneType(), (String) value).build();
        case HOME_ADDRESS:
          return b.homeAddress((PostalAddress) value).build();
        default:
          throw new IllegalArgumentException(field + " is not a person-data field");
      }
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          field + " takes a different type than " + value.getClass().getSimpleName(), e);
    }
  }

  /** Builds {@link PersonData}. Not thread-safe. */
  public static final class Builder {
    private String firstName;
    private String nickname;
    private String middleName;
    private String lastName;
    private String email;
    private Gender gender = Gender.UNKNOWN;
    private LocalDate birthdate;
    private LocalDate anniversary;
    private PostalAddress homeAddress;
    private final Map<PhoneType, String> phones = new EnumMap<>(PhoneType.class);

    private Builder() {}

    /** Sets the legal first name; nullable. */
    public Builder firstName(String v) {
      firstName = v;
      return this;
    }

    /** Sets the name the person goes by; nullable. */
    public Builder nickname(String v) {
      nickname = v;
      return this;
    }

    /** Sets the middle name; nullable. */
    public Builder middleName(String v) {
      middleName = v;
      return this;
    }

    /** Sets the last name; nullable. */
    public Builder lastName(String v) {
      lastName = v;
      return this;
    }

    /** Sets the primary email; nullable. */
    public Builder email(String v) {
      email = v;
      return this;
    }

    /** Sets the gender; {@code null} means {@link Gender#UNKNOWN}. */
    public Builder gender(Gender v) {
      gender = v;
      return this;
    }

    /** Sets the birthdate; nullable. */
    public Builder birthdate(LocalDate v) {
      birthdate = v;
      return this;
    }

    /** Sets the anniversary; nullable. */
    public Builder anniversary(LocalDate v) {
      anniversary = v;
      return this;
    }

    /** Sets the home address; nullable. */
    public Builder homeAddress(PostalAddress v) {
      homeAddress = v;
      return this;
    }

    /** Sets the phone of a type; {@code null} removes it. */
    public Builder phone(PhoneType type, String number) {
      requireNonNull(type, "type == null");
      if (number == null) {
        phones.remove(type);
      } else {
        phones.put(type, number);
      }
      return this;
    }

    /** Returns the person data. */
    public PersonData build() {
      return new PersonData(
          firstName, nickname, middleName, lastName, email, gender, birthdate, anniversary, homeAddress, phones);
    }
  }
}
