package org.pcosync.api;

/**
 * A field pco-sync can synchronise. Each has one value type in {@link PersonData#get}; the sync
 * compares normalised string forms of them (see {@link FieldSnapshot}).
 *
 * <p>Which PCO attribute a name field maps to depends on the account's {@link NameMapping}.
 */
public enum SyncField {
  /** The host's legal first name ({@code String}). */
  FIRST_NAME(Kind.PERSON),
  /** The name the person goes by ({@code String}). */
  NICKNAME(Kind.PERSON),
  /** {@code String}. */
  MIDDLE_NAME(Kind.PERSON),
  /** {@code String}. */
  LAST_NAME(Kind.PERSON),
  /** {@link Gender}. */
  GENDER(Kind.PERSON),
  /** {@link java.time.LocalDate}. */
  BIRTHDATE(Kind.PERSON),
  /** {@link java.time.LocalDate}. */
  ANNIVERSARY(Kind.PERSON),
  /** The primary email ({@code String}). */
  EMAIL(Kind.PERSON),
  /** {@code String}, compared by digits. */
  HOME_PHONE(Kind.PERSON),
  /** {@code String}, compared by digits. */
  WORK_PHONE(Kind.PERSON),
  /** {@code String}, compared by digits. */
  MOBILE_PHONE(Kind.PERSON),
  /** {@link PostalAddress}. */
  HOME_ADDRESS(Kind.PERSON),
  /** The photo, compared by content hash; host → PCO only. */
  PHOTO(Kind.PCO_ONLY),
  /** The Services permission level; host → PCO only. */
  PERMISSION(Kind.PCO_ONLY),
  /** The Services tags (a set of PCO tag ids). */
  TAGS(Kind.SERVICES);

  private enum Kind { PERSON, PCO_ONLY, SERVICES }

  private final Kind kind;

  SyncField(Kind kind) {
    this.kind = kind;
  }

  /** Returns whether the field is part of {@link PersonData} (and so writable on the host person). */
  public boolean isPersonData() {
    return kind == Kind.PERSON;
  }

  /** Returns the phone field for a phone type. */
  public static SyncField phone(PhoneType type) {
    switch (type) {
      case HOME:
        return HOME_PHONE;
      case WORK:
        return WORK_PHONE;
      default:
        return MOBILE_PHONE;
    }
  }

  /** Returns the phone type of a phone field, or {@code null} for other fields. */
  public PhoneType phoneType() {
    switch (this) {
      case HOME_PHONE:
        return PhoneType.HOME;
      case WORK_PHONE:
        return PhoneType.WORK;
      case MOBILE_PHONE:
        return PhoneType.MOBILE;
      default:
        return null;
    }
  }
}
