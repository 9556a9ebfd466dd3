package ai.iceos.gateway.api;

import ai.iceos.gateway.chat.Refusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Renders every non-2xx answer of the gateway's REST resources in the OpenAI error shape. Bodies
 * never echo request content (it may hold prompts or secrets) nor internals of a failure.
 */
final class ErrorMapper {

  @ServerExceptionMapper
  public RestResponse<ErrorView> refused(GatewayException e) {
    return render(e.kind(), e.getMessage(), e.param(), e.retryAfterSeconds());
  }

  @ServerExceptionMapper
  public RestResponse<ErrorView> refused(Refusal refusal) {
    return switch (refusal) {
      case Refusal.UnknownModel unknown ->
          render(ErrorKind.MODEL_NOT_FOUND, unknown.getMessage(), "model", null);
      case Refusal.OverBudget over ->
          render(ErrorKind.BUDGET_EXCEEDED, over.getMessage(), null, null);
      case Refusal.PromptTooLong tooLong ->
          render(ErrorKind.CONTEXT_LENGTH_EXCEEDED, tooLong.getMessage(), "messages", null);
      case Refusal.Unavailable unavailable ->
          render(
              ErrorKind.PROVIDER_UNAVAILABLE,
              unavailable.getMessage(),
              null,
              unavailable.retryAfterSeconds());
      case Refusal.RateLimited limited ->
          render(ErrorKind.RATE_LIMITED, limited.getMessage(), null, limited.retryAfterSeconds());
      case Refusal.ProviderRejected rejected ->
          render(ErrorKind.PROVIDER_ERROR, rejected.getMessage(), null, null);
    };
  }

  @ServerExceptionMapper
  public RestResponse<ErrorView> unreadable(JsonProcessingException e) {
    return render(ErrorKind.INVALID_REQUEST, describe(e), paramOf(e), null);
  }

  /** Takes precedence over Quarkus' built-in mapper for this subtype, which has another shape. */
  @ServerExceptionMapper
  public RestResponse<ErrorView> mistyped(MismatchedInputException e) {
    return unreadable(e);
  }

  @ServerExceptionMapper
  public RestResponse<ErrorView> framework(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return unreadable(json);
    }
    int status = e.getResponse().getStatus();
    ErrorKind kind = ErrorKind.forStatus(status);
    if (kind == ErrorKind.INTERNAL) {
      return unexpected(e);
    }
    return render(kind, reasonOf(status), null, null);
  }

  @ServerExceptionMapper
  public RestResponse<ErrorView> unexpected(Throwable e) {
    Log.errorf(e, "Unexpected failure serving a request");
    return render(ErrorKind.INTERNAL, "The gateway failed to process the request.", null, null);
  }

  /** The answer to a failure raised outside JAX-RS (the streaming route). */
  static RestResponse<ErrorView> forFailure(Throwable failure) {
    var mapper = new ErrorMapper();
    return switch (failure) {
      case GatewayException e -> mapper.refused(e);
      case Refusal refusal -> mapper.refused(refusal);
      default -> mapper.unexpected(failure);
    };
  }

  static RestResponse<ErrorView> render(
      ErrorKind kind, String message, String param, Long retryAfterSeconds) {
    var response =
        RestResponse.ResponseBuilder.create(
                RestResponse.Status.fromStatusCode(kind.status()),
                ErrorView.of(kind, message, param))
            .type(MediaType.APPLICATION_JSON_TYPE);
    if (retryAfterSeconds != null) {
      response.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    }
    return response.build();
  }

  private static String describe(JsonProcessingException e) {
    var location = e.getLocation();
    String where =
        location == null
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return "Invalid value for '" + paramOf(e) + "'" + where + ".";
    }
    return "The request body is not valid JSON" + where + ".";
  }

  /** The JSON path of the offending field, e.g. {@code messages[0].role}, or null. */
  private static String paramOf(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return null;
    }
    return mapping.getPath().stream()
        .map(
            ref ->
                ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }

  private static String reasonOf(int status) {
    var reason = RestResponse.Status.fromStatusCode(status);
    return reason == null ? "Request refused." : reason.getReasonPhrase() + ".";
  }
}
