package ai.iceos.gateway.api;

import java.util.Objects;

/**
 * A request the gateway refuses, rendered by {@link ErrorMapper} in the OpenAI error shape. {@code
 * param} names the offending request field (or null); {@code retryAfterSeconds} becomes the {@code
 * Retry-After} header (or null).
 */
public final class GatewayException extends RuntimeException {
  private final ErrorKind kind;
  private final String param;
  private final Long retryAfterSeconds;

  public GatewayException(ErrorKind kind, String message, String param, Long retryAfterSeconds) {
    super(message, null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.param = param;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static GatewayException invalid(String message, String param) {
    return new GatewayException(ErrorKind.INVALID_REQUEST, message, param, null);
  }

  public ErrorKind kind() {
    return kind;
  }

  public String param() {
    return param;
  }

  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
