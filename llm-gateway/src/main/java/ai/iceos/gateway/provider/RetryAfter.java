package ai.iceos.gateway.provider;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} value: delay seconds or an HTTP date (RFC 9110 §10.2.3). */
public final class RetryAfter {
  private RetryAfter() {}

  public static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    try {
      long seconds = Long.parseLong(text);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration delay = Duration.between(now, at);
        return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /** Whole seconds for a {@code Retry-After} header, at least 1. */
  public static long headerSeconds(Duration delay) {
    long seconds = delay.toSeconds() + (delay.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
