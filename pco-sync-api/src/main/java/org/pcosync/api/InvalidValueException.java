package org.pcosync.api;

/**
 * A value could not be accepted: a malformed email or phone, an unparseable date, an unknown enum
 * value, a missing name. Names the field and, where known, the person.
 */
public final class InvalidValueException extends PcoSyncException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;

  /**
   * @param field the field's name, e.g. {@code "email"} or {@code "gender"}
   * @param value the rejected value as given, nullable
   * @param reason why it was rejected, a short phrase
   */
  public InvalidValueException(String field, String value, String reason) {
    super(ErrorCode.INVALID_VALUE, "invalid " + field + " '" + value + "': " + reason);
    this.field = field;
    this.value = value;
  }

  /** Returns the name of the rejected field. */
  public String field() {
    return field;
  }

  /** Returns the rejected value as given; nullable. */
  public String value() {
    return value;
  }
}
