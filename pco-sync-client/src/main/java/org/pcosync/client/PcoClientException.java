package org.pcosync.client;

/**
 * Root of every exception thrown by the PCO client; unchecked.
 *
 * <p>Subtypes: {@link PcoApiException} (PCO answered with an error status), {@link
 * PcoConnectionException} (no usable answer), {@link PcoParseException} (an answer that could not
 * be read), {@link NeedsReauthorizationException} (the OAuth grant is gone). Immutable and
 * thread-safe.
 */
public class PcoClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PcoClientException(String message) {
    super(message);
  }

  public PcoClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
