package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A People person ({@code /people/v2/people}, {@code type "Person"}) with the contact records that
 * were included in the same response.
 *
 * <p>{@link #gender()} is normalised: {@code "M"}/{@code "F"} (API versions before 2022-07-14) are
 * returned as {@code "Male"}/{@code "Female"}; any other value is passed through. {@link #emails()},
 * {@link #phoneNumbers()} and {@link #addresses()} are empty unless requested with {@code include}
 * ({@link PeopleQuery} includes them by default). Immutable and thread-safe.
 *
 * @param id PCO person id (shared by People and Services)
 * @param name PCO's computed display name
 * @param remoteId {@code remote_id}: an integer the integrator may set (e.g. the ChMS id)
 * @param status {@code "active"} or {@code "inactive"}
 * @param avatar avatar URL (PCO's default "no photo" image included)
 * @param peoplePermissions e.g. {@code "Editor"}, null when none
 * @param loginIdentifier {@code login_identifier}: what the person logs in to PCO with (API
 *     2023-03-21 and later, visible to permitted viewers); null when the person cannot log in, or when
 *     PCO did not send it
 */
public record PcoPerson(
    String id,
    @Nullable String firstName,
    @Nullable String givenName,
    @Nullable String middleName,
    @Nullable String lastName,
    @Nullable String nickname,
    @Nullable String name,
    @Nullable String gender,
    @Nullable LocalDate birthdate,
    @Nullable LocalDate anniversary,
    @Nullable Boolean child,
    @Nullable String status,
    @Nullable Boolean siteAdministrator,
    @Nullable Long remoteId,
    @Nullable String avatar,
    @Nullable String membership,
    @Nullable String peoplePermissions,
    @Nullable String loginIdentifier,
    @Nullable Instant inactivatedAt,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt,
    List<PcoEmail> emails,
    List<PcoPhoneNumber> phoneNumbers,
    List<PcoAddress> addresses) {

  /** PCO's default avatar shown when a person has no photo (2019 form). */
  public static final String DEFAULT_AVATAR_PREFIX = "https://people.planningcenteronline.com/static/";

  public PcoPerson {
    requireNonNull(id, "id == null");
    emails = List.copyOf(emails);
    phoneNumbers = List.copyOf(phoneNumbers);
    addresses = List.copyOf(addresses);
  }

  /**
   * Creates a person without a {@code login_identifier}: the constructor of versions before it was
   * parsed, kept so existing callers compile.
   */
  public PcoPerson(
      String id,
      @Nullable String firstName,
      @Nullable String givenName,
      @Nullable String middleName,
      @Nullable String lastName,
      @Nullable String nickname,
      @Nullable String name,
      @Nullable String gender,
      @Nullable LocalDate birthdate,
      @Nullable LocalDate anniversary,
      @Nullable Boolean child,
      @Nullable String status,
      @Nullable Boolean siteAdministrator,
      @Nullable Long remoteId,
      @Nullable String avatar,
      @Nullable String membership,
      @Nullable String peoplePermissions,
      @Nullable Instant inactivatedAt,
      @Nullable Instant createdAt,
      @Nullable Instant updatedAt,
      List<PcoEmail> emails,
      List<PcoPhoneNumber> phoneNumbers,
      List<PcoAddress> addresses) {
    this(id, firstName, givenName, middleName, lastName, nickname, name, gender, birthdate, anniversary, child,
        status, siteAdministrator, remoteId, avatar, membership, peoplePermissions, null, inactivatedAt, createdAt,
        updatedAt, emails, phoneNumbers, addresses);
  }

  /**
   * True when PCO says the person can log in ({@link #loginIdentifier()} is set and not blank). PCO
   * notifies such people when their contact details change.
   */
  public boolean canLogIn() {
    return loginIdentifier != null && !loginIdentifier.isBlank();
  }

  /** True when the person is {@code active} (or PCO did not say). */
  public boolean isActive() {
    return status == null || !"inactive".equalsIgnoreCase(status);
  }

  /**
   * True when {@link #avatar()} is a real uploaded photo, not PCO's "no photo" placeholder or an
   * initials avatar ({@code /uploads/initials/}).
   */
  public boolean hasPhoto() {
    return avatar != null
        && !avatar.isBlank()
        && !avatar.startsWith(DEFAULT_AVATAR_PREFIX)
        && !avatar.contains("/uploads/initials/");
  }

  /** The primary email, or the first one, or null when none was included. */
  public @Nullable PcoEmail primaryEmail() {
    return emails.stream().filter(PcoEmail::primary).findFirst().orElse(emails.isEmpty() ? null : emails.get(0));
  }
}
