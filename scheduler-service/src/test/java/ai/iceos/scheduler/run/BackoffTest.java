package ai.iceos.scheduler.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.BackoffStrategy;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.messaging.Failure;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Failure NO_HINT = Failure.retryable("timeout", "t");

  @Test
  void shouldComputeEachStrategyFromTheBase() {
    RetryPolicy fixed = new RetryPolicy(9, BackoffStrategy.FIXED, 0.1);
    RetryPolicy linear = new RetryPolicy(9, BackoffStrategy.LINEAR, 0.1);
    RetryPolicy exponential = new RetryPolicy(9, BackoffStrategy.EXPONENTIAL, 0.1);

    assertThat(Backoff.waitMs(fixed, 3, NO_HINT)).isEqualTo(100);
    assertThat(Backoff.waitMs(linear, 3, NO_HINT)).isEqualTo(400);
    assertThat(Backoff.waitMs(exponential, 3, NO_HINT)).isEqualTo(800);
  }

  @Test
  void shouldCapHugeWaitsAtADay() {
    RetryPolicy exponential = new RetryPolicy(100, BackoffStrategy.EXPONENTIAL, 1);

    assertThat(Backoff.waitMs(exponential, 80, NO_HINT)).isEqualTo(86_400_000L);
  }

  @Test
  void shouldUseRetryAfterOnlyAsALowerBound() {
    RetryPolicy fixed = new RetryPolicy(3, BackoffStrategy.FIXED, 2);

    assertThat(Backoff.waitMs(fixed, 0, new Failure("rate-limited", "", true, 3_000L)))
        .isEqualTo(3_000);
    assertThat(Backoff.waitMs(fixed, 0, new Failure("rate-limited", "", true, 500L)))
        .isEqualTo(2_000);
  }
}
