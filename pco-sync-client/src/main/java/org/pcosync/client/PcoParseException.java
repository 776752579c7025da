package org.pcosync.client;

/**
 * PCO answered with a success status but the body could not be read (truncated or malformed JSON,
 * missing {@code data}). The message names the request. Immutable and thread-safe.
 */
public class PcoParseException extends PcoClientException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;

  public PcoParseException(String method, String path, String problem, Throwable cause) {
    super("Could not parse PCO response to " + method + " " + path + ": " + problem, cause);
    this.method = method;
    this.path = path;
  }

  /** HTTP method of the request whose response was unreadable. */
  public String method() {
    return method;
  }

  /** Path (and query) of the request whose response was unreadable. */
  public String path() {
    return path;
  }
}
