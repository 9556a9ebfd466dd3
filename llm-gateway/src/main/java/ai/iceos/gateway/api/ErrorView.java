package ai.iceos.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The OpenAI error body: {@code {"error": {"message", "type", "code", "param"}}}. */
public record ErrorView(Body error) {
  /** {@code param} is always present, null when no single request field is at fault. */
  public record Body(
      String message,
      String type,
      String code,
      @JsonInclude(JsonInclude.Include.ALWAYS) String param) {}

  static ErrorView of(ErrorKind kind, String message, String param) {
    return new ErrorView(new Body(message, kind.type(), kind.code(), param));
  }
}
