package org.pcosync.client;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a JSON:API {@code errors} array as returned by PCO.
 *
 * <p>Every component may be null: PCO 429 bodies carry {@code code} instead of {@code status}, 422
 * bodies point at the field through {@code source.pointer} or {@code source.parameter}. Immutable
 * and thread-safe.
 *
 * @param status HTTP status as sent in the body, e.g. {@code "422"}
 * @param code machine code, e.g. {@code "invalid_resource_payload"} or {@code "429"}
 * @param title short title, e.g. {@code "Validation Error"}
 * @param detail human-readable detail, e.g. {@code "can't be blank"}
 * @param sourcePointer JSON pointer to the offending field, e.g. {@code "/data/attributes/first_name"}
 * @param sourceParameter offending query/body parameter, e.g. {@code "person"}
 */
public record PcoError(
    @Nullable String status,
    @Nullable String code,
    @Nullable String title,
    @Nullable String detail,
    @Nullable String sourcePointer,
    @Nullable String sourceParameter) {

  /** A readable one-line form: {@code title: detail (pointer)}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (title != null) {
      sb.append(title);
    }
    if (detail != null) {
      sb.append(sb.length() > 0 ? ": " : "").append(detail);
    }
    if (sourcePointer != null) {
      sb.append(" (").append(sourcePointer).append(')');
    } else if (sourceParameter != null) {
      sb.append(" (").append(sourceParameter).append(')');
    }
    return sb.length() == 0 ? String.valueOf(code) : sb.toString();
  }
}
