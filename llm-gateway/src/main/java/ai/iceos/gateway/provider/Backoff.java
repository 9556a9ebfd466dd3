package ai.iceos.gateway.provider;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Delay before retry number {@code retry} (0 for the first retry): the provider's {@code
 * Retry-After} when it sent one, else {@code initial × 2^retry} capped at {@code max}, with "equal
 * jitter" (a random point in the upper half of that delay) so that many callers do not retry in
 * step.
 */
public record Backoff(Duration initial, Duration max) {

  public Duration delay(int retry, Optional<Duration> retryAfter, DoubleSupplier random) {
    if (retryAfter.isPresent()) {
      return retryAfter.get();
    }
    long base = initial.toMillis() << Math.min(retry, 30);
    long capped = Math.min(Math.max(base, 0), max.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
  }

  /** Whether a provider's {@code Retry-After} is short enough to wait for within one call. */
  public boolean worthWaiting(Optional<Duration> retryAfter) {
    return retryAfter.map(delay -> delay.compareTo(max) <= 0).orElse(true);
  }
}
