package org.pcosync.core.port;

/** A writable attribute of a PCO People person, as the port writes it. */
public enum PersonAttribute {
  FIRST_NAME("first_name"),
  GIVEN_NAME("given_name"),
  NICKNAME("nickname"),
  MIDDLE_NAME("middle_name"),
  LAST_NAME("last_name"),
  /** "Male" or "Female". */
  GENDER("gender"),
  /** ISO date {@code YYYY-MM-DD}. */
  BIRTHDATE("birthdate"),
  /** ISO date {@code YYYY-MM-DD}. */
  ANNIVERSARY("anniversary"),
  /** Decimal integer: the host id, when numeric. */
  REMOTE_ID("remote_id");

  private final String apiName;

  PersonAttribute(String apiName) {
    this.apiName = apiName;
  }

  /** Returns PCO's attribute name, e.g. {@code given_name}. */
  public String apiName() {
    return apiName;
  }

  /** Returns the attribute with PCO's name, or {@code null}. */
  public static PersonAttribute fromApiName(String name) {
    for (PersonAttribute a : values()) {
      if (a.apiName.equals(name)) {
        return a;
      }
    }
    return null;
  }
}
