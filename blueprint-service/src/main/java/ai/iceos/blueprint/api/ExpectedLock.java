package ai.iceos.blueprint.api;

/**
 * The version lock a write was sent with, and the problem a stale one gets: 409 for {@code
 * X-Version-Lock}, 412 for {@code If-Match}.
 *
 * @param lock the expected lock, or null for {@code If-Match: *} (whatever is current)
 */
record ExpectedLock(String lock, ProblemType staleType) {
  boolean any() {
    return lock == null;
  }

  /** The same precondition bound to the lock that is current now (for {@code *}). */
  ExpectedLock resolvedTo(String current) {
    return any() ? new ExpectedLock(current, staleType) : this;
  }

  ProblemException stale(String blueprintId) {
    return new ProblemException(
        staleType,
        "Blueprint "
            + blueprintId
            + " has changed since version_lock '"
            + lock
            + "'; read it again and retry with the current lock.");
  }
}
