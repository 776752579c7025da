package org.pcosync.client;

import java.time.Duration;

/**
 * Observes a client's HTTP traffic: every answered request, every wait before a retry. Useful for
 * run reports ("how many requests did this sync cost") and metrics. All methods default to no-ops.
 *
 * <pre>{@code
 * AtomicInteger requests = new AtomicInteger();
 * PcoClient client = PcoClient.builder()
 *     .personalAccessToken(appId, secret)
 *     .listener(new PcoClientListener() {
 *       @Override public void requestCompleted(String method, String path, int status) {
 *         requests.incrementAndGet();
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>Called on the request thread, possibly from several threads at once (up to the client's
 * max concurrency). Implementations must be thread-safe and fast, must not throw, and must not call
 * back into the client. Paths never contain credentials; query strings may contain search terms.
 */
public interface PcoClientListener {

  /** A request got an HTTP answer (any status, including ones that will be retried). */
  default void requestCompleted(String method, String path, int status) {}

  /**
   * The client will wait {@code delay} and send the request again.
   *
   * @param attempt the retry number, starting at 1
   * @param reason e.g. {@code "HTTP 429"}, {@code "HTTP 503"}, {@code "java.net.SocketTimeoutException"}
   */
  default void retrying(String method, String path, int attempt, Duration delay, String reason) {}

  /** The pacer held a request back for {@code delay} to stay under PCO's rate limit. */
  default void paced(Duration delay) {}

  /** A listener that does nothing. */
  static PcoClientListener none() {
    return new PcoClientListener() {};
  }
}
