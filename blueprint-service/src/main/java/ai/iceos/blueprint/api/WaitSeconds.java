package ai.iceos.blueprint.api;

import java.time.Duration;

/** The {@code ?wait_seconds=N} parameter: 0..60. */
final class WaitSeconds {
  static final int MAX = 60;

  private WaitSeconds() {}

  /** The wait, zero when absent; 422 when not an integer in range. */
  static Duration parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Duration.ZERO;
    }
    try {
      int seconds = Integer.parseInt(raw.trim());
      if (seconds >= 0 && seconds <= MAX) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ProblemException(
        ProblemType.INVALID_REQUEST, "wait_seconds must be an integer from 0 to " + MAX + ".");
  }
}
