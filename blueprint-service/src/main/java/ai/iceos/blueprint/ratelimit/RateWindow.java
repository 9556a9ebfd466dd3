package ai.iceos.blueprint.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The fixed one-minute window a request falls in, and how long until the next one opens. */
public record RateWindow(Instant start) {
  public static final Duration LENGTH = Duration.ofMinutes(1);

  public static RateWindow at(Instant now) {
    return new RateWindow(now.truncatedTo(ChronoUnit.MINUTES));
  }

  /** Whole seconds (at least 1) until the next window, for {@code Retry-After}. */
  public long secondsLeft(Instant now) {
    long millis = Duration.between(now, start.plus(LENGTH)).toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }
}
