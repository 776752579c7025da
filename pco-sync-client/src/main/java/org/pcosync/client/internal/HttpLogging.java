package org.pcosync.client.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs request line, headers and response status at DEBUG; never bodies, never credentials:
 * {@code Authorization}, {@code Cookie}, {@code Set-Cookie} and {@code Proxy-Authorization} values
 * are replaced by {@code <redacted>}. Thread-safe.
 */
public final class HttpLogging implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("org.pcosync.client.http");
  private static final Set<String> SENSITIVE =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  private final Consumer<String> sink;
  private final java.util.function.BooleanSupplier enabled;

  /** Logs to SLF4J logger {@code org.pcosync.client.http} at DEBUG. */
  public HttpLogging() {
    this(LOG::debug, LOG::isDebugEnabled);
  }

  HttpLogging(Consumer<String> sink, java.util.function.BooleanSupplier enabled) {
    this.sink = sink;
    this.enabled = enabled;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!enabled.getAsBoolean()) {
      return chain.proceed(request);
    }
    sink.accept("--> " + request.method() + " " + request.url() + "\n" + redact(request.headers()));
    Response response = chain.proceed(request);
    sink.accept(
        "<-- " + response.code() + " " + request.method() + " " + request.url() + "\n"
            + redact(response.headers()));
    return response;
  }

  /** The headers one per line with sensitive values redacted. */
  public static String redact(Headers headers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value =
          SENSITIVE.contains(name.toLowerCase(Locale.ROOT)) ? "<redacted>" : headers.value(i);
      sb.append(name).append(": ").append(value).append('\n');
    }
    return sb.toString();
  }
}
