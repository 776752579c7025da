package org.pcosync.core.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A PCO People person with its emails, phone numbers and addresses, as the port reads it. Text is
 * as PCO returned it; the engine normalises. Immutable and thread-safe.
 *
 * @param id PCO's person id
 * @param firstName {@code first_name} (the name people go by); nullable
 * @param givenName {@code given_name} (legal first name); nullable
 * @param nickname nullable
 * @param middleName nullable
 * @param lastName nullable
 * @param gender raw {@code gender} ("Male", "M", …); nullable
 * @param birthdate raw ISO date; nullable
 * @param anniversary raw ISO date; nullable
 * @param remoteId {@code remote_id} as text; nullable
 * @param siteAdministrator whether the person is an organization administrator
 * @param canLogIn whether the person can log in to PCO ({@code login_identifier} set); PCO notifies
 *     such people when their contact fields change
 * @param createdAt nullable when unknown
 * @param updatedAt nullable when unknown
 * @param emails the person's emails
 * @param phones the person's phone numbers
 * @param addresses the person's addresses
 */
public record PortPerson(
    String id,
    String firstName,
    String givenName,
    String nickname,
    String middleName,
    String lastName,
    String gender,
    String birthdate,
    String anniversary,
    String remoteId,
    boolean siteAdministrator,
    boolean canLogIn,
    Instant createdAt,
    Instant updatedAt,
    List<PortEmail> emails,
    List<PortPhone> phones,
    List<PortAddress> addresses) {

  public PortPerson {
    requireNonNull(id, "id == null");
    emails = List.copyOf(requireNonNull(emails, "emails == null"));
    phones = List.copyOf(requireNonNull(phones, "phones == null"));
    addresses = List.copyOf(requireNonNull(addresses, "addresses == null"));
  }

  /** Creates a person who cannot log in to PCO (the constructor before {@code canLogIn} existed). */
  public PortPerson(String id, String firstName, String givenName, String nickname, String middleName,
      String lastName, String gender, String birthdate, String anniversary, String remoteId,
      boolean siteAdministrator, Instant createdAt, Instant updatedAt, List<PortEmail> emails,
      List<PortPhone> phones, List<PortAddress> addresses) {
    this(id, firstName, givenName, nickname, middleName, lastName, gender, birthdate, anniversary, remoteId,
        siteAdministrator, false, createdAt, updatedAt, emails, phones, addresses);
  }

  /** Returns the raw value of a writable attribute; nullable. */
  public String attribute(PersonAttribute a) {
    switch (a) {
      case FIRST_NAME:
        return firstName;
      case GIVEN_NAME:
        return givenName;
      case NICKNAME:
        return nickname;
      case MIDDLE_NAME:
        return middleName;
      case LAST_NAME:
        return lastName;
      case GENDER:
        return gender;
      case BIRTHDATE:
        return birthdate;
      case ANNIVERSARY:
        return anniversary;
      default:
        return remoteId;
    }
  }

  /** Returns a short label for logs and reports: id and name, never contact details. */
  public String label() {
    return id + " (" + (firstName == null ? "" : firstName + " ") + (lastName == null ? "" : lastName) + ")";
  }
}
