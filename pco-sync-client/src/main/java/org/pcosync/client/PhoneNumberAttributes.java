package org.pcosync.client;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The attributes to send when creating or updating a People phone number (PCO requires {@code location} on create): only attributes that were set are sent.
 *
 * <p>Setting an attribute to {@code null} sends JSON {@code null}, which clears it in PCO; an
 * attribute that was never set is left out of the request (so a PATCH changes only what you set).
 *
 * <pre>{@code
 * PhoneNumberAttributes attrs = PhoneNumberAttributes.builder().number("555-0100").location("Mobile").primary(true).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@link Builder} is not thread-safe.
 */
public final class PhoneNumberAttributes extends PcoAttributes {

  private PhoneNumberAttributes(Map<String, @Nullable Object> values) {
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

  /** Builds {@link PhoneNumberAttributes}; a {@code null} argument means "clear this attribute". */
  public static final class Builder extends PcoAttributes.Builder<Builder, PhoneNumberAttributes> {

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Sets {@code number}; null clears it. */
    public Builder number(@Nullable String value) {
      return set("number", value);
    }

    /** Sets {@code location}; null clears it. */
    public Builder location(@Nullable String value) {
      return set("location", value);
    }

    /** Sets {@code primary}; null clears it. */
    public Builder primary(@Nullable Boolean value) {
      return set("primary", value);
    }

    /** Sets {@code carrier}; null clears it. */
    public Builder carrier(@Nullable String value) {
      return set("carrier", value);
    }

    @Override
    public PhoneNumberAttributes build() {
      return new PhoneNumberAttributes(values);
    }
  }
}
