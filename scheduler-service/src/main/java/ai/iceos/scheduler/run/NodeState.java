package ai.iceos.scheduler.run;

import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * What the scheduler knows about one node of an execution.
 *
 * @param attempt the current attempt (1-based), 0 before the node was first queued
 * @param output the output of the successful attempt, or null
 * @param failure the last failed attempt's failure, or null
 * @param skipReason why the node was skipped, or null
 * @param usage tokens and cost of all attempts so far
 * @param retryAt when the next attempt is due while {@link NodeStatus#RETRYING}, else null
 * @param startedAt when the current attempt was reported started, or null
 * @param finishedAt when the node became terminal, or null
 * @param deadlineAt while a worker runs the attempt: when the scheduler gives up waiting for its
 *     report (start + per-attempt timeout + grace), else null
 * @param lostAttempts attempts whose worker went silent past their deadline and that were sent
 *     again as a new attempt; they do not count against the node's retries
 */
public record NodeState(
    NodeStatus status,
    int attempt,
    JsonNode output,
    Failure failure,
    String skipReason,
    Usage usage,
    Instant retryAt,
    Instant startedAt,
    Instant finishedAt,
    Instant deadlineAt,
    int lostAttempts) {
  public NodeState {
    Objects.requireNonNull(status, "status");
    usage = usage == null ? Usage.none() : usage;
    output = output == null ? null : output.deepCopy();
  }

  /** A node state stored before lost attempts were counted. */
  public NodeState(
      NodeStatus status,
      int attempt,
      JsonNode output,
      Failure failure,
      String skipReason,
      Usage usage,
      Instant retryAt,
      Instant startedAt,
      Instant finishedAt,
      Instant deadlineAt) {
    this(
        status,
        attempt,
        output,
        failure,
        skipReason,
        usage,
        retryAt,
        startedAt,
        finishedAt,
        deadlineAt,
        0);
  }

  public static NodeState pending() {
    return new NodeState(
        NodeStatus.PENDING, 0, null, null, null, Usage.none(), null, null, null, null, 0);
  }

  NodeState queued(int nextAttempt) {
    return new NodeState(
        NodeStatus.QUEUED,
        nextAttempt,
        null,
        failure,
        null,
        usage,
        null,
        null,
        null,
        null,
        lostAttempts);
  }

  NodeState running(Instant now, Instant deadline) {
    return new NodeState(
        NodeStatus.RUNNING,
        attempt,
        null,
        failure,
        null,
        usage,
        null,
        now,
        null,
        deadline,
        lostAttempts);
  }

  NodeState waiting(Instant now, Instant deadline) {
    return new NodeState(
        NodeStatus.WAITING,
        attempt,
        null,
        failure,
        null,
        usage,
        null,
        now,
        null,
        deadline,
        lostAttempts);
  }

  NodeState succeeded(JsonNode result, Usage attemptUsage, Instant now) {
    return new NodeState(
        NodeStatus.SUCCEEDED,
        attempt,
        result,
        null,
        null,
        usage.plus(attemptUsage),
        null,
        startedAt,
        now,
        null,
        lostAttempts);
  }

  NodeState retrying(Failure cause, Usage attemptUsage, Instant due) {
    return new NodeState(
        NodeStatus.RETRYING,
        attempt,
        null,
        cause,
        null,
        usage.plus(attemptUsage),
        due,
        startedAt,
        null,
        null,
        lostAttempts);
  }

  /**
   * The worker of the current attempt went silent past its deadline: the attempt is given up and
   * the next one is due at once, without spending one of the node's retries.
   */
  NodeState lost(Failure cause, Instant now) {
    return new NodeState(
        NodeStatus.RETRYING,
        attempt,
        null,
        cause,
        null,
        usage,
        now,
        startedAt,
        null,
        null,
        lostAttempts + 1);
  }

  /** Attempts that counted against the node's retries so far (lost ones do not). */
  int countedAttempts() {
    return attempt - lostAttempts;
  }

  NodeState failed(Failure cause, Usage attemptUsage, Instant now) {
    return new NodeState(
        NodeStatus.FAILED,
        attempt,
        null,
        cause,
        null,
        usage.plus(attemptUsage),
        null,
        startedAt,
        now,
        null,
        lostAttempts);
  }

  NodeState skipped(String reason, Instant now) {
    return new NodeState(
        NodeStatus.SKIPPED,
        attempt,
        null,
        failure,
        reason,
        usage,
        null,
        startedAt,
        now,
        null,
        lostAttempts);
  }

  NodeState cancelled(Instant now) {
    return new NodeState(
        NodeStatus.CANCELLED,
        attempt,
        null,
        failure,
        null,
        usage,
        null,
        startedAt,
        now,
        null,
        lostAttempts);
  }
}
