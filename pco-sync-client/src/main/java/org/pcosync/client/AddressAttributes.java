package org.pcosync.client;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The attributes to send when creating or updating a People address: only attributes that were set are sent.
 *
 * <p>Setting an attribute to {@code null} sends JSON {@code null}, which clears it in PCO; an
 * attribute that was never set is left out of the request (so a PATCH changes only what you set).
 *
 * <pre>{@code
 * AddressAttributes attrs = AddressAttributes.builder().streetLine1("1 Main St").city("Springfield").state("IL").zip("62701").location("Home").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@link Builder} is not thread-safe.
 */
public final class AddressAttributes extends PcoAttributes {

  private AddressAttributes(Map<String, @Nullable Object> values) {
    super(values);
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with these attributes. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.values.putAll(asMap());
    return b;
  }

  /** Builds {@link AddressAttributes}; a {@code null} argument means "clear this attribute". */
  public static final class Builder extends PcoAttributes.Builder<Builder, AddressAttributes> {

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Sets {@code street_line_1}; null clears it. */
    public Builder streetLine1(@Nullable String value) {
      return set("street_line_1", value);
    }

    /** Sets {@code street_line_2}; null clears it. */
    public Builder streetLine2(@Nullable String value) {
      return set("street_line_2", value);
    }

    /** Sets {@code city}; null clears it. */
    public Builder city(@Nullable String value) {
      return set("city", value);
    }

    /** Sets {@code state}; null clears it. */
    public Builder state(@Nullable String value) {
      return set("state", value);
    }

    /** Sets {@code zip}; null clears it. */
    public Builder zip(@Nullable String value) {
      return set("zip", value);
    }

    /** Sets {@code country_code}; null clears it. */
    public Builder countryCode(@Nullable String value) {
      return set("country_code", value);
    }

    /** Sets {@code location}; null clears it. */
    public Builder location(@Nullable String value) {
      return set("location", value);
    }

    /** Sets {@code primary}; null clears it. */
    public Builder primary(@Nullable Boolean value) {
      return set("primary", value);
    }

    @Override
    public AddressAttributes build() {
      return new AddressAttributes(values);
    }
  }
}
