package org.pcosync.api;

/**
 * A host SPI call failed; names the person and the operation. The engine reports it and goes on
 * with the next person.
 */
public final class HostException extends PcoSyncException {
  private static final long serialVersionUID = 1L;

  private final String hostPersonId;

  /**
   * @param hostPersonId the host person concerned, nullable when the call was not about one person
   * @param operation what the engine was doing, e.g. {@code "update HOME_PHONE"}
   * @param cause the host's exception
   */
  public HostException(String hostPersonId, String operation, Throwable cause) {
    super(
        ErrorCode.HOST_FAILURE,
        "host failed to " + operation + (hostPersonId == null ? "" : " for person " + hostPersonId)
            + ": " + cause,
        cause);
    this.hostPersonId = hostPersonId;
  }

  /** Returns the host person concerned; nullable. */
  public String hostPersonId() {
    return hostPersonId;
  }
}
