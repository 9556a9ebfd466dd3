package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.messaging.Failure;

/** How long to wait before a retry (SPEC §1.2). */
public final class Backoff {
  /** Caps a wait so that a large exponent cannot overflow; a day is far beyond any sane policy. */
  private static final long MAX_WAIT_MS = 86_400_000L;

  private Backoff() {}

  /**
   * The wait in milliseconds before retry {@code retryIndex} (0-based: the first retry is 0) with
   * base b: fixed b, linear b·(n+1), exponential b·2ⁿ. The failure's {@code retry_after_ms}, when
   * present, is a lower bound.
   */
  public static long waitMs(RetryPolicy policy, int retryIndex, Failure failure) {
    double factor =
        switch (policy.backoffStrategy()) {
          case FIXED -> 1;
          case LINEAR -> retryIndex + 1;
          case EXPONENTIAL -> Math.pow(2, retryIndex);
        };
    long wait = (long) Math.min(MAX_WAIT_MS, Math.round(policy.backoffSeconds() * 1000 * factor));
    Long retryAfter = failure.retryAfterMs();
    return retryAfter == null ? wait : Math.max(wait, Math.min(MAX_WAIT_MS, retryAfter));
  }
}
