package org.pcosync.testkit.fake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method + path pattern to a handler; unknown paths are JSON:API 404s, PUT is PCO's HTML 404.
 *
 * <p>Routes are added before the server starts; thread-safe afterwards.
 */
public final class Router {
  /** A route handler; {@code args} are the pattern's groups. */
  @FunctionalInterface
  public interface Handler {
    ApiResponse handle(ApiRequest req, String[] args);
  }

  private record Route(String method, Pattern pattern, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  public Router add(String method, String regex, Handler handler) {
    routes.add(new Route(method, Pattern.compile(regex), handler));
    return this;
  }

  public ApiResponse dispatch(ApiRequest req) {
    if ("PUT".equals(req.method)) {
      return Errors.putNotSupported();
    }
    boolean pathKnown = false;
    for (Route r : routes) {
      Matcher m = r.pattern.matcher(req.path);
      if (!m.matches()) {
        continue;
      }
      pathKnown = true;
      if (r.method.equals(req.method)) {
        String[] args = new String[m.groupCount()];
        for (int i = 0; i < args.length; i++) {
          args[i] = m.group(i + 1);
        }
        try {
          return r.handler.handle(req, args);
        } catch (ApiException e) {
          return e.response();
        }
      }
    }
    return pathKnown ? Errors.methodNotAllowed() : Errors.notFound();
  }
}
