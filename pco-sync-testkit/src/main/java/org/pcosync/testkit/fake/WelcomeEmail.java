package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A Services welcome email the fake recorded as sent when a person was added to Services through
 * People {@code person_apps} with an {@code email_template_id} (the fake's model of an unverified
 * PCO behaviour, pco-api.md §6.1).
 *
 * @param personId the person added
 * @param templateId the email template used
 * @param sentAt when (fake clock)
 *
 * <p>Immutable and thread-safe.
 */
public record WelcomeEmail(String personId, String templateId, Instant sentAt) {
  /** Checks for nulls. */
  public WelcomeEmail {
    requireNonNull(personId, "personId == null");
    requireNonNull(templateId, "templateId == null");
    requireNonNull(sentAt, "sentAt == null");
  }
}
