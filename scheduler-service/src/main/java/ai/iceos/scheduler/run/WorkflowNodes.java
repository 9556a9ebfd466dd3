package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.WorkflowNodeSpec;
import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.contracts.plan.PinnedPlan;
import ai.iceos.contracts.plan.PlannedNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code workflow} nodes (SPEC §2.6, §2.11, decision 0114): each attempt starts a child execution
 * of the referenced blueprint's pinned plan with a {@code StartRun} through the outbox, and waits.
 * When the child ends, its own transition reports a {@link NodeCompleted} or {@link NodeFailed} for
 * the parent's node on the outcomes topic, so the parent applies it exactly once like a worker's.
 *
 * <p>The child's report carries the child execution id as task id and attempt 0; the parent turns
 * it into an outcome of the attempt whose child that is ({@link #forCurrentAttempt}), so a report
 * of a superseded attempt's child is ignored like any stale outcome.
 */
final class WorkflowNodes {
  static final String CHILD_FAILED = "child-failed";
  static final String DEPTH_EXCEEDED = "depth-exceeded";
  static final String UNRESOLVED = "workflow-unresolved";
  static final String TIMEOUT = "timeout";
  static final String TEMPLATE_ERROR = "template-error";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private WorkflowNodes() {}

  static boolean isWorkflow(PlannedNode node) {
    return node.spec() instanceof WorkflowNodeSpec;
  }

  /**
   * The id of the child execution that attempt {@code attempt} of the node at {@code path} starts:
   * a name-based UUID, so a recomputed transition starts the same child and a repeated StartRun is
   * a no-op.
   */
  static String childId(String executionId, String path, int attempt) {
    return uuid("child:" + executionId + ":" + path + ":" + attempt).toString();
  }

  /** Queues attempt {@code attempt}: {@code node.queued}, then the child's start, or a failure. */
  static void start(Step step, String path, int attempt) {
    RunProgress.emitQueued(step, path, attempt);
    WorkflowNodeSpec spec = (WorkflowNodeSpec) step.planned(path).spec();
    Lineage lineage = step.base.lineage();
    PinnedPlan child = lineage.workflows().get(spec.workflowRef());
    if (lineage.depth() + 1 > StartRun.MAX_DEPTH) {
      fail(
          step,
          path,
          attempt,
          Failure.permanent(
              DEPTH_EXCEEDED,
              "Workflow nesting too deep: this execution is at depth "
                  + lineage.depth()
                  + " and child executions nest at most "
                  + StartRun.MAX_DEPTH
                  + " deep"));
      return;
    }
    if (child == null) {
      fail(
          step,
          path,
          attempt,
          Failure.permanent(
              UNRESOLVED,
              "Workflow '" + spec.workflowRef() + "' was not resolved when the execution started"));
      return;
    }
    ObjectNode inputs;
    try {
      inputs = childInputs(step, path, spec);
    } catch (Expressions.ExpressionException e) {
      fail(step, path, attempt, Failure.permanent(TEMPLATE_ERROR, e.getMessage()));
      return;
    }
    String childId = childId(step.base.executionId(), path, attempt);
    // The node's timeout_seconds bounds each child (decision 0117): past it the child is
    // cancelled and the attempt fails as a retryable timeout (RunTransitions.fireDueRetries).
    Instant deadline = step.now.plusMillis(step.planned(path).timeoutMs());
    step.put(path, step.node(path).running(step.now, deadline));
    step.emit(
        RunEventType.NODE_STARTED,
        path,
        EventData.nodeStarted(attempt, ControlFlow.WORKER_ID).put("child_execution_id", childId));
    step.command(
        new StartRun(
            uuid("start:" + childId),
            childId,
            step.base.orgId(),
            child.blueprintId(),
            child.versionLock(),
            child.plan(),
            inputs,
            RunOptions.defaults(),
            step.base.executionId(),
            path,
            lineage.depth() + 1,
            lineage.workflows(),
            step.now));
  }

  /**
   * A child's report as an outcome of the attempt that started that child, or the outcome itself
   * when it is not a child's report of the current attempt.
   */
  static NodeOutcome forCurrentAttempt(RunState state, NodeOutcome outcome) {
    NodeState node = state.nodes().get(outcome.nodeId());
    if (outcome.attempt() != 0
        || node == null
        || !outcome
            .taskId()
            .equals(childId(state.executionId(), outcome.nodeId(), node.attempt()))) {
      return outcome;
    }
    return switch (outcome) {
      case NodeCompleted c ->
          new NodeCompleted(
              c.messageId(),
              c.taskId(),
              c.executionId(),
              c.nodeId(),
              node.attempt(),
              c.output(),
              c.usage(),
              c.durationMs(),
              c.cacheHit(),
              c.occurredAt());
      case NodeFailed f ->
          new NodeFailed(
              f.messageId(),
              f.taskId(),
              f.executionId(),
              f.nodeId(),
              node.attempt(),
              f.failure(),
              f.usage(),
              f.durationMs(),
              f.occurredAt());
      default -> outcome;
    };
  }

  /**
   * A workflow node's output from its child's {@code result.output}: {@code exposed_outputs} mapped
   * (an unresolvable path gives null), or the whole map without them; then the node's {@code
   * output_mappings}. Any other node's output is returned as it is.
   */
  static JsonNode output(Step step, String path, JsonNode reported) {
    if (!(step.planned(path).spec() instanceof WorkflowNodeSpec spec)) {
      return reported;
    }
    JsonNode output = reported;
    if (!spec.exposedOutputs().isEmpty()) {
      ObjectNode exposed = JSON.objectNode();
      spec.exposedOutputs()
          .forEach((name, dotted) -> exposed.set(name, TaskScope.resolve(reported, dotted)));
      output = exposed;
    }
    if (spec.outputMappings().isEmpty() || !output.isObject()) {
      return output;
    }
    ObjectNode mapped = output.deepCopy();
    JsonNode source = output;
    spec.outputMappings()
        .forEach((alias, dotted) -> mapped.set(alias, TaskScope.resolve(source, dotted)));
    return mapped;
  }

  /**
   * The failure of an attempt whose child did not end within the node's {@code timeout_seconds}:
   * retryable, so the node's retry settings decide whether a new child runs. The step then cancels
   * the child ({@link #cancelAbandonedChildren}).
   */
  static Failure timedOut(Step step, String path, NodeState node) {
    return Failure.retryable(
        TIMEOUT,
        "Workflow execution "
            + childId(step.base.executionId(), path, node.attempt())
            + " did not finish within the node's timeout ("
            + step.planned(path).timeoutMs() / 1000.0
            + " s)");
  }

  /**
   * Cancels the child of every workflow node that this step takes off its running attempt without
   * the child's own report: a losing branch of a {@code race}, an attempt past its deadline, any
   * skip or failure decided by the scheduler. A child whose parent node no longer waits for it must
   * not run on; its late report is ignored like any stale attempt's.
   */
  static void cancelAbandonedChildren(Step step) {
    List<String> running =
        step.base.nodes().entrySet().stream()
            .filter(e -> e.getValue().status() == NodeStatus.RUNNING)
            .map(Map.Entry::getKey)
            .filter(path -> isWorkflow(step.planned(path)))
            .sorted()
            .toList();
    for (String path : running) {
      NodeState was = step.base.node(path);
      NodeState now = step.node(path);
      if (step.isChildReported(path)
          || (now.status() == NodeStatus.RUNNING && now.attempt() == was.attempt())) {
        continue;
      }
      String childId = childId(step.base.executionId(), path, was.attempt());
      if (!step.sendsCommandTo(childId)) {
        step.command(
            new CancelRun(
                uuid("cancel:" + childId),
                childId,
                "Parent execution "
                    + step.base.executionId()
                    + " no longer waits for node '"
                    + path
                    + "': "
                    + why(now),
                step.now));
      }
    }
  }

  /**
   * Why the node stopped waiting: its skip, else the failure of the attempt it gave up (also when
   * the next attempt already started in the same step), else its status.
   */
  private static String why(NodeState node) {
    if (node.status() == NodeStatus.SKIPPED) {
      return "skipped (" + node.skipReason() + ")";
    }
    return node.failure() != null
        ? node.failure().message()
        : node.status().name().toLowerCase(Locale.ROOT);
  }

  /** Cancels the child of every running workflow node (the parent is cancelled or timed out). */
  static void cancelChildren(Step step, String reason) {
    for (String path : step.allPaths()) {
      NodeState node = step.node(path);
      if (node.status() == NodeStatus.RUNNING && isWorkflow(step.planned(path))) {
        String childId = childId(step.base.executionId(), path, node.attempt());
        step.command(
            new CancelRun(
                uuid("cancel:" + childId),
                childId,
                "Parent execution " + step.base.executionId() + " ended: " + reason,
                step.now));
      }
    }
  }

  /** Adds a child's parent, depth and org to its {@code workflow.started} data. */
  static ObjectNode describeLineage(RunState run, ObjectNode data) {
    Lineage lineage = run.lineage();
    if (lineage.isChild()) {
      data.put("parent_execution_id", lineage.parentExecutionId());
      data.put("parent_node_id", lineage.parentNodeId());
      data.put("depth", lineage.depth());
      data.put("org_id", run.orgId());
    }
    return data;
  }

  /**
   * When this step ends a child execution, reports the end to the parent's workflow node: its
   * {@code result.output} and usage when it completed, a failure naming its errors when it failed
   * or was cancelled.
   */
  static void reportToParent(Step step) {
    Lineage lineage = step.base.lineage();
    if (!lineage.isChild() || step.base.status().isTerminal() || !step.status.isTerminal()) {
      return;
    }
    RunEvent end = step.events().getLast();
    String id = step.base.executionId();
    long durationMs =
        step.base.startedAt() == null
            ? 0
            : Duration.between(step.base.startedAt(), step.now).toMillis();
    UUID messageId = uuid("report:" + id);
    if (end.eventType() == RunEventType.WORKFLOW_COMPLETED) {
      step.report(
          new NodeCompleted(
              messageId,
              id,
              lineage.parentExecutionId(),
              lineage.parentNodeId(),
              0,
              end.data().path("output"),
              step.usage,
              durationMs,
              false,
              step.now));
      return;
    }
    step.report(
        new NodeFailed(
            messageId,
            id,
            lineage.parentExecutionId(),
            lineage.parentNodeId(),
            0,
            failureOf(id, end),
            step.usage,
            durationMs,
            step.now));
  }

  private static Failure failureOf(String childId, RunEvent end) {
    if (end.eventType() == RunEventType.WORKFLOW_CANCELLED) {
      return Failure.permanent(
          "cancelled",
          "Workflow execution "
              + childId
              + " was cancelled: "
              + end.data().path("reason").asText());
    }
    List<String> errors = new ArrayList<>();
    end.data().path("errors").forEach(e -> errors.add(e.asText()));
    // Retryable, so the workflow node's own retry settings decide whether a new child runs.
    return Failure.retryable(
        CHILD_FAILED, "Workflow execution " + childId + " failed: " + String.join("; ", errors));
  }

  /**
   * The child's inputs: the parent's run inputs, then the node's {@code input_mappings} names, then
   * {@code config_overrides} (SPEC §1.3: merged into the child's inputs) rendered in the node's
   * scope (decision 0117), later ones winning.
   *
   * @throws Expressions.ExpressionException when a template of {@code config_overrides} fails
   */
  private static ObjectNode childInputs(Step step, String path, WorkflowNodeSpec spec) {
    ObjectNode inputs = JSON.objectNode();
    JsonNode runInputs = step.base.inputs();
    if (runInputs != null && runInputs.isObject()) {
      inputs.setAll((ObjectNode) runInputs.deepCopy());
    }
    JsonNode overrides = spec.configOverrides();
    boolean render = overrides != null && overrides.isObject() && !overrides.isEmpty();
    if (spec.inputMappings().isEmpty() && !render) {
      return inputs;
    }
    ObjectNode scope = step.scopeOf(path);
    spec.inputMappings().keySet().forEach(name -> inputs.set(name, scope.get(name)));
    if (render) {
      Expressions.render(overrides, scope, "config_overrides")
          .properties()
          .forEach(e -> inputs.set(e.getKey(), e.getValue()));
    }
    return inputs;
  }

  private static void fail(Step step, String path, int attempt, Failure failure) {
    step.put(path, step.node(path).failed(failure, Usage.none(), step.now));
    step.emit(RunEventType.NODE_FAILED, path, EventData.nodeFailed(attempt, failure, 0));
  }

  private static UUID uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
