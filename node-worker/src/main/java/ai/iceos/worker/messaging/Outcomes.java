package ai.iceos.worker.messaging;

import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeStarted;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.worker.node.AttemptResult;
import ai.iceos.worker.node.FailureClassifier;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The outcome messages of one task; each gets a fresh message id. */
final class Outcomes {
  private Outcomes() {}

  static NodeStarted started(NodeTask task, String workerId, Instant at) {
    return new NodeStarted(
        UUID.randomUUID(),
        taskId(task),
        task.executionId(),
        task.nodeId(),
        task.attempt(),
        workerId,
        at);
  }

  /**
   * The final outcome of an attempt that a worker started at {@code startedAt} and that ended at
   * {@code at}. It always reports its start too, so the scheduler can record the start from it when
   * {@code NodeStarted} was held back ({@link HeldStart}, decision 0104).
   */
  static NodeOutcome finished(
      NodeTask task, AttemptResult result, String workerId, Instant startedAt, Instant at) {
    long durationMs = Math.max(0, Duration.between(startedAt, at).toMillis());
    return switch (result) {
      case AttemptResult.Succeeded ok ->
          new NodeCompleted(
              UUID.randomUUID(),
              taskId(task),
              task.executionId(),
              task.nodeId(),
              task.attempt(),
              ok.output(),
              ok.usage(),
              durationMs,
              false,
              at,
              startedAt,
              workerId);
      case AttemptResult.Failed failed ->
          new NodeFailed(
              UUID.randomUUID(),
              taskId(task),
              task.executionId(),
              task.nodeId(),
              task.attempt(),
              failed.failure(),
              failed.usage(),
              durationMs,
              at,
              startedAt,
              workerId);
    };
  }

  /**
   * The final outcome of a task whose handling hit a bug: a retryable {@code internal} failure, so
   * the scheduler's retry policy decides and the task is neither lost nor dead-lettered.
   */
  static NodeOutcome internal(NodeTask task, Throwable bug, String workerId, Instant at) {
    Failure failure =
        Failure.retryable(FailureClassifier.INTERNAL, FailureClassifier.describe(bug));
    return finished(task, new AttemptResult.Failed(failure, null), workerId, at, at);
  }

  /** The task's id, derived as the contract defines it when an older sender left it out. */
  private static String taskId(NodeTask task) {
    return task.taskId() != null
        ? task.taskId()
        : NodeTask.taskIdOf(task.executionId(), task.nodeId(), task.attempt());
  }
}
