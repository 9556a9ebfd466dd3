package ai.iceos.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  @Test
  void shouldDoubleEachRetryWithinTheUpperHalfAndCapAtMax() {
    assertThat(backoff.delay(0, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ofMillis(50));
    assertThat(backoff.delay(0, Optional.empty(), () -> 0.999)).isLessThan(Duration.ofMillis(100));
    assertThat(backoff.delay(2, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delay(10, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.delay(40, Optional.empty(), () -> 0.999))
        .isLessThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldHonourRetryAfterWhenItIsShortEnough() {
    assertThat(backoff.delay(0, Optional.of(Duration.ofMillis(700)), () -> 0.0))
        .isEqualTo(Duration.ofMillis(700));
    assertThat(backoff.worthWaiting(Optional.of(Duration.ofMillis(700)))).isTrue();
    assertThat(backoff.worthWaiting(Optional.of(Duration.ofSeconds(30)))).isFalse();
  }

  @Test
  void shouldReadRetryAfterSecondsAndDates() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(RetryAfter.parse("7", now)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:30 GMT", now))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("soon", now)).isEmpty();
    assertThat(RetryAfter.headerSeconds(Duration.ofMillis(1500))).isEqualTo(2);
    assertThat(RetryAfter.headerSeconds(Duration.ZERO)).isEqualTo(1);
  }
}
