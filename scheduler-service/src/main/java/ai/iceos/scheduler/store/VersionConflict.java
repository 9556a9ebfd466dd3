package ai.iceos.scheduler.store;

/**
 * A checked write found the run changed (or, for a start, created) by another transaction since it
 * was loaded: nothing was written, and trying again from the start applies the input to the newer
 * state. Transient for {@link StoreFailures}.
 */
final class VersionConflict extends IllegalStateException {
  VersionConflict(String executionId) {
    super("execution " + executionId + " was changed concurrently");
  }
}
