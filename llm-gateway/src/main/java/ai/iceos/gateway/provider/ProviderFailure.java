package ai.iceos.gateway.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that did not produce an answer: an HTTP error status from the provider (0 when
 * the connection failed or the body was unreadable). {@code retryAfter} is the provider's {@code
 * Retry-After}, or null. The message never carries the provider's response body (it may echo the
 * prompt).
 */
public final class ProviderFailure extends RuntimeException {
  private final String provider;
  private final int status;
  private final Duration retryAfter;

  public ProviderFailure(String provider, int status, Duration retryAfter, String message) {
    super(provider + ": " + message, null, false, false);
    this.provider = provider;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public String provider() {
    return provider;
  }

  public int status() {
    return status;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Worth another attempt: rate limited (429), timed out (408), server error or no answer. */
  public boolean retryable() {
    return status == 0 || status == 408 || status == 429 || status >= 500;
  }

  public boolean rateLimited() {
    return status == 429;
  }
}
