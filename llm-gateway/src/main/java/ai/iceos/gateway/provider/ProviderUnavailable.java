package ai.iceos.gateway.provider;

import java.time.Duration;

/**
 * A provider that cannot serve now: its circuit breaker is open, or it kept failing (429, 5xx,
 * timeouts) through every retry. {@code retryAfter} is when trying again makes sense; {@code
 * rateLimited} tells that the provider itself said 429.
 */
public final class ProviderUnavailable extends RuntimeException {
  private final String provider;
  private final Duration retryAfter;
  private final boolean rateLimited;

  public ProviderUnavailable(String provider, Duration retryAfter, boolean rateLimited) {
    super("provider " + provider + " is unavailable", null, false, false);
    this.provider = provider;
    this.retryAfter = retryAfter;
    this.rateLimited = rateLimited;
  }

  public String provider() {
    return provider;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public boolean rateLimited() {
    return rateLimited;
  }
}
