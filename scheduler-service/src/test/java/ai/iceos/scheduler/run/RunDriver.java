package ai.iceos.scheduler.run;

import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeStarted;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.ResumeRun;
import ai.iceos.contracts.messaging.RetryRun;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.contracts.plan.ExecutionPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Drives {@link RunTransitions} like the store would: keeps the state, a clock, and every event and
 * task produced so far. Each call returns the transition so tests can inspect one step.
 */
final class RunDriver {
  static final String EXECUTION = "exec-1";

  /** The worker that reports starts along with ends. */
  static final String WORKER = "worker-9";

  final List<RunEvent> events = new ArrayList<>();
  final List<NodeTask> tasks = new ArrayList<>();
  final List<CancelTasks> cancellations = new ArrayList<>();
  RunState state;
  Instant now = Instant.parse("2026-11-22T00:00:00Z");

  static RunDriver start(ExecutionPlan plan) {
    return start(plan, JsonNodeFactory.instance.objectNode().put("topic", "ice"));
  }

  static RunDriver start(ExecutionPlan plan, RunOptions options) {
    return start(plan, JsonNodeFactory.instance.objectNode().put("topic", "ice"), options);
  }

  static RunDriver start(ExecutionPlan plan, JsonNode inputs) {
    return start(plan, inputs, RunOptions.defaults());
  }

  static RunDriver start(ExecutionPlan plan, JsonNode inputs, RunOptions options) {
    RunDriver driver = new RunDriver();
    StartRun command =
        new StartRun(
            UUID.randomUUID(),
            EXECUTION,
            "org-1",
            "bp-1",
            "lock-1",
            plan,
            inputs,
            options,
            driver.now);
    driver.record(RunTransitions.start(command, driver.now));
    return driver;
  }

  Transition started(String nodeId) {
    return apply(
        new NodeStarted(
            UUID.randomUUID(),
            taskId(nodeId),
            EXECUTION,
            nodeId,
            attempt(nodeId),
            "worker-1",
            now));
  }

  Transition complete(String nodeId, JsonNode output) {
    return complete(nodeId, attempt(nodeId), output, null);
  }

  Transition complete(String nodeId, int attempt, JsonNode output, Usage usage) {
    return apply(completion(nodeId, attempt, output, usage, null));
  }

  /** A quick attempt's only report (decision 0104): its completion carries its start. */
  Transition completeWithStart(String nodeId, Instant startedAt) {
    return apply(completion(nodeId, attempt(nodeId), output(nodeId), null, startedAt));
  }

  /** A quick attempt's only report (decision 0104): its failure carries its start. */
  Transition failWithStart(String nodeId, Failure failure, Instant startedAt) {
    return apply(failure(nodeId, failure, startedAt));
  }

  Transition complete(String nodeId) {
    return complete(nodeId, JsonNodeFactory.instance.objectNode().put("from", nodeId));
  }

  Transition fail(String nodeId, Failure failure) {
    return apply(failure(nodeId, failure, null));
  }

  private NodeCompleted completion(
      String nodeId, int attempt, JsonNode output, Usage usage, Instant startedAt) {
    return new NodeCompleted(
        UUID.randomUUID(),
        NodeTask.taskIdOf(EXECUTION, nodeId, attempt),
        EXECUTION,
        nodeId,
        attempt,
        output,
        usage,
        15,
        false,
        now,
        startedAt,
        startedAt == null ? null : WORKER);
  }

  private NodeFailed failure(String nodeId, Failure failure, Instant startedAt) {
    return new NodeFailed(
        UUID.randomUUID(),
        taskId(nodeId),
        EXECUTION,
        nodeId,
        attempt(nodeId),
        failure,
        null,
        7,
        now,
        startedAt,
        startedAt == null ? null : WORKER);
  }

  Transition apply(NodeOutcome outcome) {
    return record(RunTransitions.apply(state, outcome, now));
  }

  Transition advance(Duration by) {
    now = now.plus(by);
    return record(RunTransitions.fireDueRetries(state, now));
  }

  Transition cancel() {
    return record(
        RunTransitions.cancel(
            state, new CancelRun(UUID.randomUUID(), EXECUTION, "user", now), now));
  }

  Transition resume() {
    return record(
        RunTransitions.resume(state, new ResumeRun(UUID.randomUUID(), EXECUTION, now), now));
  }

  Transition retry() {
    return record(
        RunTransitions.retry(state, new RetryRun(UUID.randomUUID(), EXECUTION, now), now));
  }

  int attempt(String nodeId) {
    return state.node(nodeId).attempt();
  }

  NodeStatus status(String nodeId) {
    return state.node(nodeId).status();
  }

  List<String> eventNames() {
    return events.stream().map(RunDriver::describe).toList();
  }

  List<String> taskIds() {
    return tasks.stream().map(NodeTask::taskId).toList();
  }

  RunEvent last(RunEventType type) {
    return events.reversed().stream().filter(e -> e.eventType() == type).findFirst().orElseThrow();
  }

  private String taskId(String nodeId) {
    return NodeTask.taskIdOf(EXECUTION, nodeId, attempt(nodeId));
  }

  private Transition record(Transition transition) {
    state = transition.state();
    events.addAll(transition.events());
    tasks.addAll(transition.tasks());
    cancellations.addAll(transition.cancellations());
    return transition;
  }

  static JsonNode output(String value) {
    return JsonNodeFactory.instance.objectNode().put("value", value);
  }

  /** {@code node.queued:a} or {@code level.started}: compact enough to assert whole runs. */
  static String describe(RunEvent event) {
    String name = event.eventType().wireName();
    return event.nodeId() == null ? name : name + ":" + event.nodeId();
  }
}
