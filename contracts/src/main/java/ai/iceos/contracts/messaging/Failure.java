package ai.iceos.contracts.messaging;

import java.util.Objects;

/**
 * Why an attempt failed, as data (Temporal-style).
 *
 * @param type stable kebab-case class: {@code tool-error}, {@code timeout}, {@code rate-limited},
 *     {@code provider-error}, {@code invalid-output}, {@code validation}, {@code budget-exceeded},
 *     {@code template-error}, {@code cancelled}, {@code internal}…
 * @param message for humans, at most {@link #MAX_MESSAGE_CHARS} characters
 * @param retryable false for failures that a retry cannot fix (validation, budget)
 * @param retryAfterMs a lower bound on the wait before a retry, or null
 */
public record Failure(String type, String message, boolean retryable, Long retryAfterMs) {
  /** Messages are cut to this size so one bad tool cannot bloat every topic and view. */
  public static final int MAX_MESSAGE_CHARS = 4_000;

  public Failure {
    Objects.requireNonNull(type, "type");
    message = limit(message == null ? "" : message);
  }

  public static Failure retryable(String type, String message) {
    return new Failure(type, message, true, null);
  }

  public static Failure permanent(String type, String message) {
    return new Failure(type, message, false, null);
  }

  private static String limit(String text) {
    return text.length() <= MAX_MESSAGE_CHARS
        ? text
        : text.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
  }
}
