package ai.iceos.scheduler.run;

/** Status of one node of an execution (SPEC §3.1, without the node types not modelled yet). */
public enum NodeStatus {
  PENDING,
  QUEUED,
  RUNNING,
  RETRYING,
  /** A {@code human} node waiting for a decision; holds no slot, has no task out. */
  WAITING,
  SUCCEEDED,
  FAILED,
  SKIPPED,
  CANCELLED;

  /** Finished for good: no task of the node will be sent again. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == SKIPPED || this == CANCELLED;
  }

  /**
   * Holds one of the execution's {@code max_parallel} slots: a task is out, or a retry of it is
   * due.
   */
  public boolean holdsSlot() {
    return this == QUEUED || this == RUNNING || this == RETRYING;
  }

  /** An attempt of the node is with a worker, so its outcome is awaited. */
  public boolean awaitsOutcome() {
    return this == QUEUED || this == RUNNING;
  }
}
