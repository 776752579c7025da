package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The attributes to send when creating or updating a People email: only attributes that were set are sent.
 *
 * <p>Setting an attribute to {@code null} sends JSON {@code null}, which clears it in PCO; an
 * attribute that was never set is left out of the request (so a PATCH changes only what you set).
 *
 * <pre>{@code
 * EmailAttributes attrs = EmailAttributes.builder().address("ada@example.org").location("Home").primary(true).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@link Builder} is not thread-safe.
 */
public final class EmailAttributes {
  private final Map<String, @Nullable Object> values;

  private EmailAttributes(Map<String, @Nullable Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with these attributes. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.values.putAll(values);
    return b;
  }

  /** The attributes in PCO's snake_case names; values may be null (= clear). */
  public Map<String, @Nullable Object> asMap() {
    return values;
  }

  /** True when no attribute is set (a PATCH would be a no-op). */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof EmailAttributes other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "EmailAttributes" + values;
  }

  /** Builds {@link EmailAttributes}; a {@code null} argument means "clear this attribute". */
  public static final class Builder {
    private final Map<String, @Nullable Object> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets any attribute by its PCO name (escape hatch for attributes without a typed setter).
     * Values must be JSON-serialisable: String, Number, Boolean, LocalDate or null.
     */
    public Builder set(String attribute, @Nullable Object value) {
      requireNonNull(attribute, "attribute == null");
      values.put(attribute, value instanceof LocalDate d ? d.toString() : value);
      return this;
    }

    /** Removes an attribute so it is not sent at all. */
    public Builder unset(String attribute) {
      values.remove(attribute);
      return this;
    }

    /** Sets {@code address}; null clears it. */
    public Builder address(@Nullable String value) {
      return set("address", value);
    }

    /** Sets {@code location}; null clears it. */
    public Builder location(@Nullable String value) {
      return set("location", value);
    }

    /** Sets {@code primary}; null clears it. */
    public Builder primary(@Nullable Boolean value) {
      return set("primary", value);
    }

    public EmailAttributes build() {
      return new EmailAttributes(values);
    }
  }
}
