package ai.iceos.gateway.api;

/** The gateway's error kinds, with the HTTP status and OpenAI {@code type} / {@code code} sent. */
public enum ErrorKind {
  INVALID_REQUEST(400, "invalid_request_error", "invalid_request"),
  CONTEXT_LENGTH_EXCEEDED(400, "invalid_request_error", "context_length_exceeded"),
  BUDGET_EXCEEDED(402, "insufficient_quota", "budget_exceeded"),
  NOT_FOUND(404, "invalid_request_error", "not_found"),
  MODEL_NOT_FOUND(404, "invalid_request_error", "model_not_found"),
  METHOD_NOT_ALLOWED(405, "invalid_request_error", "method_not_allowed"),
  NOT_ACCEPTABLE(406, "invalid_request_error", "not_acceptable"),
  UNSUPPORTED_MEDIA_TYPE(415, "invalid_request_error", "unsupported_media_type"),
  RATE_LIMITED(429, "rate_limit_error", "rate_limited"),
  INTERNAL(500, "api_error", "internal_error"),
  PROVIDER_ERROR(502, "api_error", "provider_error"),
  PROVIDER_UNAVAILABLE(503, "api_error", "provider_unavailable");

  private final int status;
  private final String type;
  private final String code;

  ErrorKind(int status, String type, String code) {
    this.status = status;
    this.type = type;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String code() {
    return code;
  }

  /** The kind for an HTTP status raised by the framework (routing, content negotiation). */
  static ErrorKind forStatus(int status) {
    return switch (status) {
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 429 -> RATE_LIMITED;
      case 503 -> PROVIDER_UNAVAILABLE;
      default -> status >= 500 ? INTERNAL : INVALID_REQUEST;
    };
  }
}
