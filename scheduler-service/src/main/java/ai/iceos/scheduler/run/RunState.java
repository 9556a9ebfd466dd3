package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.contracts.plan.ExecutionPlan;
import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the scheduler knows about one execution; immutable. {@link RunTransitions} derives the
 * next state from it, and the store keeps it as one JSON document per execution.
 *
 * @param versionLock the blueprint version the plan was compiled from, or null
 * @param plan the plan the execution was started with (pinned)
 * @param inputs the run inputs (a JSON object)
 * @param maxParallel nodes of this execution holding a slot at once (options applied)
 * @param failurePolicy what a final node failure does (options applied)
 * @param nodes per node id, every node of the plan
 * @param currentLevel the lowest level that is not complete yet ({@code levels.size()} when all
 *     are)
 * @param openedLevels levels below this index have been opened ({@code level.started} emitted) or
 *     passed without running anything
 * @param nextSequence the sequence number of the next event (gap-free from 1)
 * @param usage tokens and cost of every attempt so far
 * @param toolExecutions tool node attempts that ran (reported completed or failed)
 * @param finishedAt when the execution became terminal, or null
 * @param frames every nested-graph instance opened so far (a loop iteration, a chosen condition
 *     path, a parallel branch), in opening order; their nodes are in {@code nodes} under their path
 *     ids (docs/events.md)
 * @param loopItems per running or finished loop node (path id), the items it iterates over
 * @param guardErrors execution-wide guard errors ({@code Depth ceiling reached}, {@code Token
 *     ceiling exceeded}, the run timeout), each once, in the order they happened
 * @param executions per node type (wire name), nodes of that type dispatched so far, for the {@code
 *     max_*} limits
 * @param pausedAt while {@link RunStatus#PAUSED}: when a monitor paused it, else null
 * @param excludedMs time that does not count against {@code timeout_seconds}: every pause, and on a
 *     retry everything before it (decision 0113)
 * @param retries how many times the execution was retried ({@code RetryRun})
 * @param monitors per running or finished {@code monitor} node (path id), its checks so far
 * @param lineage the parent of a child execution, its depth and the workflows it may start
 */
public record RunState(
    String executionId,
    String orgId,
    String blueprintId,
    String versionLock,
    @JacksonInject(value = PLAN, useInput = OptBoolean.TRUE, optional = OptBoolean.TRUE)
        ExecutionPlan plan,
    JsonNode inputs,
    int maxParallel,
    FailurePolicy failurePolicy,
    RunStatus status,
    Map<String, NodeState> nodes,
    int currentLevel,
    int openedLevels,
    long nextSequence,
    Usage usage,
    int toolExecutions,
    Instant startedAt,
    Instant finishedAt,
    List<Frame> frames,
    Map<String, JsonNode> loopItems,
    List<String> guardErrors,
    Map<String, Integer> executions,
    Instant pausedAt,
    long excludedMs,
    int retries,
    Map<String, MonitorState> monitors,
    Lineage lineage) {
  /**
   * The name of {@link #plan}, which the store keeps apart from the rest of the state (decision
   * 0150): when the state is read without it, the plan is supplied under this name.
   */
  public static final String PLAN = "plan";

  public RunState {
    monitors = monitors == null ? Map.of() : Map.copyOf(monitors);
    lineage = lineage == null ? Lineage.TOP_LEVEL : lineage;
    guardErrors = guardErrors == null ? List.of() : List.copyOf(guardErrors);
    executions = executions == null ? Map.of() : Map.copyOf(executions);
    frames = frames == null ? List.of() : List.copyOf(frames);
    loopItems = loopItems == null ? Map.of() : Map.copyOf(loopItems);
    Objects.requireNonNull(executionId, "execution_id");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(failurePolicy, "failure_policy");
    Objects.requireNonNull(status, "status");
    inputs = inputs == null ? null : inputs.deepCopy();
    nodes = Map.copyOf(nodes);
    usage = usage == null ? Usage.none() : usage;
    if (maxParallel < 1) {
      throw new IllegalArgumentException("max_parallel must be >= 1");
    }
    if (nextSequence < 1) {
      throw new IllegalArgumentException("next_sequence must be >= 1");
    }
  }

  /** A top-level execution that starts no child workflow. */
  public RunState(
      String executionId,
      String orgId,
      String blueprintId,
      String versionLock,
      ExecutionPlan plan,
      JsonNode inputs,
      int maxParallel,
      FailurePolicy failurePolicy,
      RunStatus status,
      Map<String, NodeState> nodes,
      int currentLevel,
      int openedLevels,
      long nextSequence,
      Usage usage,
      int toolExecutions,
      Instant startedAt,
      Instant finishedAt,
      List<Frame> frames,
      Map<String, JsonNode> loopItems,
      List<String> guardErrors,
      Map<String, Integer> executions) {
    this(
        executionId,
        orgId,
        blueprintId,
        versionLock,
        plan,
        inputs,
        maxParallel,
        failurePolicy,
        status,
        nodes,
        currentLevel,
        openedLevels,
        nextSequence,
        usage,
        toolExecutions,
        startedAt,
        finishedAt,
        frames,
        loopItems,
        guardErrors,
        executions,
        null,
        0,
        0,
        Map.of(),
        Lineage.TOP_LEVEL);
  }

  /** The state of a node of the plan. */
  public NodeState node(String nodeId) {
    NodeState state = nodes.get(nodeId);
    if (state == null) {
      throw new IllegalArgumentException("no node '" + nodeId + "' in execution " + executionId);
    }
    return state;
  }

  /** The top-level node ids in dispatch order: level by level, blueprint order within a level. */
  public List<String> nodeOrder() {
    return plan.levels().stream().flatMap(List::stream).toList();
  }

  /**
   * When the timer must next look at a running execution: the earliest due retry, the earliest
   * deadline of an attempt with a worker, or the run's {@code timeout_seconds}.
   */
  public Optional<Instant> nextWakeAt() {
    if (status.isTerminal()) {
      return Optional.empty();
    }
    if (status == RunStatus.PAUSED) {
      return MonitorState.attemptDeadline(this);
    }
    Optional<Instant> deadline =
        nodes.values().stream()
            .map(NodeState::deadlineAt)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder());
    return java.util.stream.Stream.of(
            nextRetryAt(), deadline, runDeadline(), MonitorState.nextCheck(this))
        .flatMap(Optional::stream)
        .min(Comparator.naturalOrder());
  }

  /**
   * When the run's {@code limits.timeout_seconds} runs out, if it has one; paused time and the time
   * before a retry do not count ({@link #excludedMs}).
   */
  public Optional<Instant> runDeadline() {
    Integer timeout = plan.limits().timeoutSeconds();
    return timeout == null || startedAt == null
        ? Optional.empty()
        : Optional.of(startedAt.plusSeconds(timeout).plusMillis(excludedMs));
  }

  /** When the earliest retry of a running execution is due, if one is waiting. */
  public Optional<Instant> nextRetryAt() {
    if (status.isTerminal()) {
      return Optional.empty();
    }
    return nodes.values().stream()
        .filter(n -> n.status() == NodeStatus.RETRYING)
        .map(NodeState::retryAt)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder());
  }
}
