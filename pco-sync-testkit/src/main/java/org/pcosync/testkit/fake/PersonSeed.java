package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A person to put into the {@link FakePco} directly, as if entered in PCO's web UI.
 *
 * <pre>{@code
 * String id = fake.people().addPerson(PersonSeed.builder("Paul", "Revere")
 *     .email("paul.revere@example.com").phone("425 555 1234", "Mobile").build());
 * }</pre>
 *
 * @param id a fixed PCO id, or null to let the fake assign one
 * @param firstName PCO {@code first_name}
 * @param lastName PCO {@code last_name}
 * @param givenName PCO {@code given_name}, or null
 * @param middleName or null
 * @param nickname or null
 * @param gender {@code "Male"}, {@code "Female"} (or M/F), or null
 * @param birthdate or null
 * @param anniversary or null
 * @param remoteId PCO {@code remote_id}, or null
 * @param inactive whether the profile is inactive
 * @param siteAdministrator PCO {@code site_administrator}
 * @param createdAt the creation time, or null for the fake clock's now
 * @param emails emails, in order
 * @param phones phone numbers, in order
 * @param addresses addresses, in order
 *
 * <p>Immutable and thread-safe.
 */
public record PersonSeed(String id, String firstName, String lastName, String givenName, String middleName,
    String nickname, String gender, LocalDate birthdate, LocalDate anniversary, Long remoteId, boolean inactive,
    boolean siteAdministrator, Instant createdAt, List<EmailSeed> emails, List<PhoneSeed> phones,
    List<AddressSeed> addresses) {

  /** Checks names for nulls and copies the lists. */
  public PersonSeed {
    requireNonNull(firstName, "firstName == null");
    requireNonNull(lastName, "lastName == null");
    emails = List.copyOf(emails);
    phones = List.copyOf(phones);
    addresses = List.copyOf(addresses);
  }

  /** A person with just a first and last name. */
  public static PersonSeed of(String firstName, String lastName) {
    return builder(firstName, lastName).build();
  }

  /** Starts a builder. */
  public static Builder builder(String firstName, String lastName) {
    return new Builder(firstName, lastName);
  }

  /** A builder initialised from this seed. */
  public Builder toBuilder() {
    Builder b = new Builder(firstName, lastName);
    b.id = id;
    b.givenName = givenName;
    b.middleName = middleName;
    b.nickname = nickname;
    b.gender = gender;
    b.birthdate = birthdate;
    b.anniversary = anniversary;
    b.remoteId = remoteId;
    b.inactive = inactive;
    b.siteAdministrator = siteAdministrator;
    b.createdAt = createdAt;
    b.emails.addAll(emails);
    b.phones.addAll(phones);
    b.addresses.addAll(addresses);
    return b;
  }

  /** Builds a {@link PersonSeed}. Not thread-safe. */
  public static final class Builder {
    private String id;
    private final String firstName;
    private final String lastName;
    private String givenName;
    private String middleName;
    private String nickname;
    private String gender;
    private LocalDate birthdate;
    private LocalDate anniversary;
    private Long remoteId;
    private boolean inactive;
    private boolean siteAdministrator;
    private Instant createdAt;
    private final List<EmailSeed> emails = new ArrayList<>();
    private final List<PhoneSeed> phones = new ArrayList<>();
    private final List<AddressSeed> addresses = new ArrayList<>();

    private Builder(String firstName, String lastName) {
      this.firstName = requireNonNull(firstName, "firstName == null");
      this.lastName = requireNonNull(lastName, "lastName == null");
    }

    /** A fixed id (e.g. one from a recording). */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder givenName(String givenName) {
      this.givenName = givenName;
      return this;
    }

    public Builder middleName(String middleName) {
      this.middleName = middleName;
      return this;
    }

    public Builder nickname(String nickname) {
      this.nickname = nickname;
      return this;
    }

    public Builder gender(String gender) {
      this.gender = gender;
      return this;
    }

    public Builder birthdate(LocalDate birthdate) {
      this.birthdate = birthdate;
      return this;
    }

    public Builder anniversary(LocalDate anniversary) {
      this.anniversary = anniversary;
      return this;
    }

    public Builder remoteId(Long remoteId) {
      this.remoteId = remoteId;
      return this;
    }

    public Builder inactive(boolean inactive) {
      this.inactive = inactive;
      return this;
    }

    public Builder siteAdministrator(boolean siteAdministrator) {
      this.siteAdministrator = siteAdministrator;
      return this;
    }

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** Adds an email; the first one added is primary. */
    public Builder email(String address) {
      return email(new EmailSeed(address, "Home", emails.isEmpty()));
    }

    public Builder email(EmailSeed email) {
      emails.add(requireNonNull(email, "email == null"));
      return this;
    }

    /** Adds a phone number; the first one added is primary. */
    public Builder phone(String number, String location) {
      return phone(new PhoneSeed(number, location, phones.isEmpty()));
    }

    public Builder phone(PhoneSeed phone) {
      phones.add(requireNonNull(phone, "phone == null"));
      return this;
    }

    public Builder address(AddressSeed address) {
      addresses.add(requireNonNull(address, "address == null"));
      return this;
    }

    public PersonSeed build() {
      return new PersonSeed(id, firstName, lastName, givenName, middleName, nickname, gender, birthdate,
          anniversary, remoteId, inactive, siteAdministrator, createdAt, emails, phones, addresses);
    }
  }
}
