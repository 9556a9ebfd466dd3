package ai.iceos.scheduler.store;

/** Another transaction changed the run since it was read; the unit of work is retried. */
final class StaleRunVersionException extends RuntimeException {
  StaleRunVersionException(String executionId) {
    super("execution " + executionId + " changed concurrently", null, false, false);
  }
}
