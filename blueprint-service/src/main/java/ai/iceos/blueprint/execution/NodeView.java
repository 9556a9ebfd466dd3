package ai.iceos.blueprint.execution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One node of the execution view (SPEC §3.1). Absent values are JSON null.
 *
 * @param attempts how many attempts have started so far
 * @param usage the node's provider usage as reported in {@code node.completed}, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NodeView(
    NodeStatus status,
    String type,
    Integer level,
    int attempts,
    JsonNode output,
    String error,
    Instant startedAt,
    Instant finishedAt,
    Long durationMs,
    JsonNode usage,
    BigDecimal costUsd,
    boolean cacheHit) {

  public static NodeView pending(String type, Integer level) {
    return new NodeView(
        NodeStatus.PENDING, type, level, 0, null, null, null, null, null, null, null, false);
  }

  NodeView withStatus(NodeStatus next, int attempt) {
    return new NodeView(
        next,
        type,
        level,
        Math.max(attempts, attempt),
        output,
        error,
        startedAt,
        finishedAt,
        durationMs,
        usage,
        costUsd,
        cacheHit);
  }

  NodeView withLevel(Integer newLevel) {
    return new NodeView(
        status,
        type,
        newLevel == null ? level : newLevel,
        attempts,
        output,
        error,
        startedAt,
        finishedAt,
        durationMs,
        usage,
        costUsd,
        cacheHit);
  }

  NodeView started(int attempt, Instant at) {
    return new NodeView(
        NodeStatus.RUNNING,
        type,
        level,
        Math.max(attempts, attempt),
        output,
        error,
        startedAt == null ? at : startedAt,
        finishedAt,
        durationMs,
        usage,
        costUsd,
        cacheHit);
  }

  /** A {@code human} node starts when it starts waiting for its decision. */
  NodeView waiting(Instant at) {
    return new NodeView(
        NodeStatus.WAITING,
        type,
        level,
        attempts,
        output,
        error,
        startedAt == null ? at : startedAt,
        finishedAt,
        durationMs,
        usage,
        costUsd,
        cacheHit);
  }

  NodeView retrying(int attempt, String failure) {
    return new NodeView(
        NodeStatus.RETRYING,
        type,
        level,
        Math.max(attempts, attempt),
        output,
        failure,
        startedAt,
        finishedAt,
        durationMs,
        usage,
        costUsd,
        cacheHit);
  }

  NodeView completed(
      int attempt,
      JsonNode result,
      Long duration,
      JsonNode nodeUsage,
      BigDecimal cost,
      boolean hit,
      Instant at) {
    return new NodeView(
        NodeStatus.SUCCEEDED,
        type,
        level,
        Math.max(attempts, attempt),
        result,
        null,
        startedAt,
        at,
        duration,
        nodeUsage,
        cost,
        hit);
  }

  NodeView ended(NodeStatus end, int attempt, String failure, Long duration, Instant at) {
    return new NodeView(
        end,
        type,
        level,
        Math.max(attempts, attempt),
        output,
        failure,
        startedAt,
        at,
        duration == null ? durationMs : duration,
        usage,
        costUsd,
        cacheHit);
  }
}
