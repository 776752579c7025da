package org.pcosync.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A Services email template ({@code /services/v2/email_templates}), e.g. a welcome email.
 * Immutable and thread-safe.
 */
public record EmailTemplate(
    String id,
    @Nullable String kind,
    @Nullable String subject,
    @Nullable String htmlBody,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt) {
  public EmailTemplate {
    requireNonNull(id, "id == null");
  }
}
