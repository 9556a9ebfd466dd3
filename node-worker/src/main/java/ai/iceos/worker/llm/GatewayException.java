package ai.iceos.worker.llm;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * llm-gateway answered with an error status. The message is the OpenAI error body's {@code
 * error.message}, or the status when the body has none.
 *
 * @see GatewayFailures
 */
public final class GatewayException extends RuntimeException {
  private static final int MAX_BODY_CHARS = 500;

  private final int status;
  private final transient Long retryAfterMs;

  public GatewayException(int status, String message, Long retryAfterMs) {
    super(message, null, false, false);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }

  /** Reads an OpenAI-shaped error response ({@code {"error": {"message": …}}}). */
  public static GatewayException of(int status, String body, String retryAfter) {
    return new GatewayException(status, messageOf(status, body), retryAfterMs(retryAfter));
  }

  public int status() {
    return status;
  }

  /** The server's {@code Retry-After} in milliseconds, or null. */
  public Long retryAfterMs() {
    return retryAfterMs;
  }

  static String messageOf(int status, String body) {
    if (body != null && !body.isBlank()) {
      try {
        JsonNode message = IceosJson.mapper().readTree(body).path("error").path("message");
        if (message.isTextual() && !message.textValue().isBlank()) {
          return message.textValue();
        }
      } catch (java.io.IOException | RuntimeException notJson) {
        // a non-JSON error body (a proxy's HTML page) is reported by status below
      }
    }
    return "LLM gateway answered HTTP " + status;
  }

  static Long retryAfterMs(String retryAfter) {
    if (retryAfter == null || retryAfter.isBlank()) {
      return null;
    }
    try {
      double seconds = Double.parseDouble(retryAfter.strip());
      return seconds >= 0 ? Math.round(seconds * 1000) : null;
    } catch (NumberFormatException httpDate) {
      return null;
    }
  }
}
