package ai.iceos.blueprint.api;

import ai.iceos.blueprint.BlueprintServiceConfig;
import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Problem bodies for what never reaches JAX-RS: oversized bodies (checked before Quarkus' own bare
 * 413 at route order -2), failures raised by Vert.x, and paths no route serves.
 */
@ApplicationScoped
class HttpEdgeRoutes {
  private static final int BEFORE_QUARKUS_LIMITS = -10;

  private final long maxBodyBytes;

  HttpEdgeRoutes(BlueprintServiceConfig config) {
    this.maxBodyBytes = config.maxBodySize().asLongValue();
  }

  void install(@Observes Router router) {
    router.route().order(BEFORE_QUARKUS_LIMITS).handler(this::rejectOversized);
    router.route().order(BEFORE_QUARKUS_LIMITS).failureHandler(this::renderFailure);
    // Called by Vert.x when no route matched at all (JAX-RS maps its own 404s).
    router.errorHandler(404, this::renderNotFound);
  }

  private void rejectOversized(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && parse(length) > maxBodyBytes) {
      // The body stays unread, so an HTTP/1 connection cannot be reused. HTTP/2 (a client that
      // upgraded, such as Java's HttpClient) forbids the header; there only the stream ends.
      if (context.request().version() != HttpVersion.HTTP_2) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
      }
      String detail = "The body exceeds the limit of %d bytes.".formatted(maxBodyBytes);
      send(context, Problem.of(ProblemType.PAYLOAD_TOO_LARGE, detail, path(context), List.of()));
      return;
    }
    context.next();
  }

  private void renderFailure(RoutingContext context) {
    if (context.response().headWritten()) {
      context.next();
      return;
    }
    int status = context.statusCode() < 400 ? 500 : context.statusCode();
    if (status >= 500) {
      String trace = TraceReference.current();
      Log.errorf(
          context.failure(),
          "Request failed on %s %s (%s)",
          context.request().method(),
          path(context),
          trace);
      send(
          context,
          Problem.of(
              ProblemType.INTERNAL, "The request could not be completed.", trace, List.of()));
      return;
    }
    ProblemType type = ProblemType.forStatus(status);
    send(context, Problem.of(type, type.title() + ".", path(context), List.of()));
  }

  private void renderNotFound(RoutingContext context) {
    String detail = "No resource at " + path(context) + ".";
    send(context, Problem.of(ProblemType.NOT_FOUND, detail, path(context), List.of()));
  }

  private static void send(RoutingContext context, Problem problem) {
    context
        .response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(write(problem));
  }

  private static String write(Problem problem) {
    try {
      return IceosJson.mapper().writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a problem body", e);
    }
  }

  private static String path(RoutingContext context) {
    return context.request().path();
  }

  private static long parse(String length) {
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
