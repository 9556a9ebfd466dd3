package ai.iceos.blueprint.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where errors become RFC 9457 bodies for everything JAX-RS sees; {@link
 * HttpEdgeRoutes} does the same for what Vert.x rejects before JAX-RS runs.
 */
final class ProblemMapper {
  private final ObjectMapper mapper;

  ProblemMapper(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @ServerExceptionMapper
  RestResponse<String> problem(ProblemException e, HttpServerRequest request) {
    return render(Problem.of(e.type(), e.getMessage(), request.path(), e.errors()));
  }

  @ServerExceptionMapper
  RestResponse<String> tooMany(TooManyRequestsException e, HttpServerRequest request) {
    return builder(
            Problem.of(ProblemType.TOO_MANY_REQUESTS, e.getMessage(), request.path(), List.of()))
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .build();
  }

  @ServerExceptionMapper
  RestResponse<String> malformed(StreamReadException e, HttpServerRequest request) {
    return malformedJson(e, request);
  }

  @ServerExceptionMapper
  RestResponse<String> mismatched(MismatchedInputException e, HttpServerRequest request) {
    return malformedJson(e, request);
  }

  @ServerExceptionMapper
  RestResponse<String> mapping(JsonMappingException e, HttpServerRequest request) {
    return malformedJson(e, request);
  }

  @ServerExceptionMapper
  RestResponse<String> json(JsonProcessingException e, HttpServerRequest request) {
    return malformedJson(e, request);
  }

  @ServerExceptionMapper
  RestResponse<String> web(WebApplicationException e, HttpServerRequest request) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e, request);
    }
    ProblemType type = ProblemType.forStatus(status);
    if (e.getCause() instanceof JsonProcessingException cause) {
      return malformedJson(cause, request);
    }
    return render(Problem.of(type, detailFor(type, request), request.path(), List.of()));
  }

  @ServerExceptionMapper
  RestResponse<String> unexpected(Throwable e, HttpServerRequest request) {
    String trace = TraceReference.current();
    Log.errorf(e, "Unexpected error on %s %s (%s)", request.method(), request.path(), trace);
    return render(
        Problem.of(ProblemType.INTERNAL, "The request could not be completed.", trace, List.of()));
  }

  private RestResponse<String> malformedJson(JsonProcessingException e, HttpServerRequest request) {
    JsonLocation location = e.getLocation();
    String where =
        location == null || location.getLineNr() < 1
            ? ""
            : " (line %d, column %d)".formatted(location.getLineNr(), location.getColumnNr());
    return render(
        Problem.of(
            ProblemType.MALFORMED_JSON,
            "The request body is not valid JSON" + where + ".",
            request.path(),
            List.of()));
  }

  private static String detailFor(ProblemType type, HttpServerRequest request) {
    return switch (type) {
      case NOT_FOUND -> "No resource at " + request.path() + ".";
      case METHOD_NOT_ALLOWED -> request.method() + " is not allowed on " + request.path() + ".";
      case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
      case NOT_ACCEPTABLE -> "This resource answers application/json.";
      default -> type.title() + ".";
    };
  }

  private RestResponse<String> render(Problem problem) {
    return builder(problem).build();
  }

  private RestResponse.ResponseBuilder<String> builder(Problem problem) {
    RestResponse.ResponseBuilder<String> builder =
        RestResponse.ResponseBuilder.<String>create(problem.status())
            .entity(write(problem))
            .type(Problem.MEDIA_TYPE);
    if (problem.status() == 401) {
      builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return builder;
  }

  private String write(Problem problem) {
    try {
      return mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a problem body", e);
    }
  }
}
