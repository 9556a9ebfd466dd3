package ai.iceos.blueprint.store;

/**
 * The outcome of a write guarded by a version lock (a compare-and-set in SQL).
 *
 * @param <T> what a successful write gives back
 */
public sealed interface LockedWrite<T>
    permits LockedWrite.Written, LockedWrite.Missing, LockedWrite.Stale {
  /** The lock matched; the write is committed. */
  record Written<T>(T value) implements LockedWrite<T> {}

  /** The org has no blueprint with that id. */
  record Missing<T>() implements LockedWrite<T> {}

  /** The blueprint exists but its current lock is another one; nothing changed. */
  record Stale<T>() implements LockedWrite<T> {}
}
