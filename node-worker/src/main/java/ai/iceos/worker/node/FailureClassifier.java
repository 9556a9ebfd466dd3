package ai.iceos.worker.node;

import ai.iceos.contracts.messaging.Failure;
import java.util.concurrent.CompletionException;

/**
 * Turns whatever ended an attempt into a {@link Failure}: classified failures keep their class, a
 * passed deadline is a retryable {@code timeout}, and anything else is a retryable {@code internal}
 * failure, so that a bug fails one attempt instead of the worker.
 */
public final class FailureClassifier {
  public static final String TIMEOUT = "timeout";
  public static final String INTERNAL = "internal";

  private FailureClassifier() {}

  public static Failure classify(Throwable error) {
    Throwable cause = unwrap(error);
    return switch (cause) {
      case NodeFailureException failed -> failed.failure();
      case DeadlineExceededException deadline -> Failure.retryable(TIMEOUT, deadline.getMessage());
      default -> Failure.retryable(INTERNAL, describe(cause));
    };
  }

  /** A short description of an unexpected error: its type and message, never a stack trace. */
  public static String describe(Throwable error) {
    String message = error.getMessage();
    String type = error.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while (current instanceof CompletionException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
