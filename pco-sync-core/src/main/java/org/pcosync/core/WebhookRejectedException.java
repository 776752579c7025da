package org.pcosync.core;

import static java.util.Objects.requireNonNull;

import org.pcosync.api.ErrorCode;
import org.pcosync.api.PcoSyncException;

/**
 * A webhook POST was refused before anything was read or synced: its signature did not verify, or
 * its body is no PCO delivery. Answer PCO with a 4xx (e.g. 401 for {@link Reason#BAD_SIGNATURE});
 * the message never contains the secret, the signature or the body.
 */
public final class WebhookRejectedException extends PcoSyncException {
  private static final long serialVersionUID = 1L;

  /** Why the delivery was refused. */
  public enum Reason {
    /** {@code X-PCO-Webhooks-Authenticity} is missing or is not the HMAC-SHA256 of the body. */
    BAD_SIGNATURE,
    /** The signature verified but the body is not a JSON:API list of {@code EventDelivery}s. */
    MALFORMED_BODY
  }

  private final Reason reason;

  /**
   * @param reason why
   * @param message a sentence for an admin, without secrets
   * @param cause nullable
   */
  public WebhookRejectedException(Reason reason, String message, Throwable cause) {
    super(ErrorCode.INVALID_VALUE, message, cause);
    this.reason = requireNonNull(reason, "reason == null");
  }

  /** Returns why the delivery was refused. */
  public Reason reason() {
    return reason;
  }
}
