package ai.iceos.contracts.blueprint;

import java.util.Objects;

/**
 * How often a node is attempted and how long to wait between attempts (SPEC §1.2). In a plan the
 * legacy {@code retries}/{@code backoff_seconds} pair is already folded into this form ({@code
 * retries: r} is {@code max_attempts: r + 1}, fixed backoff).
 *
 * @param maxAttempts attempts in all, at least 1
 * @param backoffStrategy how the wait grows
 * @param backoffSeconds the base wait b, at least 0
 */
public record RetryPolicy(int maxAttempts, BackoffStrategy backoffStrategy, double backoffSeconds) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max_attempts must be >= 1");
    }
    Objects.requireNonNull(backoffStrategy, "backoff_strategy");
    if (backoffSeconds < 0) {
      throw new IllegalArgumentException("backoff_seconds must be >= 0");
    }
  }

  /** A single attempt and no retry. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, BackoffStrategy.FIXED, 0);
  }
}
