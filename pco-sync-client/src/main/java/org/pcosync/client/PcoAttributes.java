package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Attributes to send in a create or update: only attributes that were set are sent. The base of
 * {@link PersonAttributes}, {@link EmailAttributes}, {@link PhoneNumberAttributes},
 * {@link AddressAttributes} and {@link ServicesPersonAttributes}.
 *
 * <p>Setting an attribute to {@code null} sends JSON {@code null}, which clears it in PCO; an
 * attribute that was never set is left out of the request (so a PATCH changes only what you set).
 *
 * <p>Immutable and thread-safe; builders are not thread-safe.
 */
public abstract class PcoAttributes {
  private final Map<String, @Nullable Object> values;

  PcoAttributes(Map<String, @Nullable Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
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
    return o != null && o.getClass() == getClass() && values.equals(((PcoAttributes) o).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + values;
  }

  /**
   * Builds attributes; a {@code null} argument means "clear this attribute".
   *
   * @param <B> the concrete builder
   * @param <A> what it builds
   */
  public abstract static class Builder<B extends Builder<B, A>, A extends PcoAttributes> {
    final Map<String, @Nullable Object> values = new LinkedHashMap<>();

    Builder() {}

    abstract B self();

    /**
     * Sets any attribute by its PCO name (escape hatch for attributes without a typed setter).
     * Values must be JSON-serialisable: String, Number, Boolean, LocalDate or null.
     */
    public B set(String attribute, @Nullable Object value) {
      requireNonNull(attribute, "attribute == null");
      values.put(attribute, value instanceof LocalDate d ? d.toString() : value);
      return self();
    }

    /** Removes an attribute so it is not sent at all. */
    public B unset(String attribute) {
      values.remove(attribute);
      return self();
    }

    /** Returns the attributes. */
    public abstract A build();
  }
}
