package ai.iceos.worker.node;

/** The attempt did not finish within its {@code timeout_ms}; its work has been cancelled. */
final class DeadlineExceededException extends RuntimeException {
  DeadlineExceededException(String message) {
    super(message, null, false, false);
  }
}
