package ai.iceos.scheduler.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.contracts.blueprint.BackoffStrategy;
import ai.iceos.contracts.blueprint.ConditionNodeSpec;
import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.HumanNodeSpec;
import ai.iceos.contracts.blueprint.LoopNodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeStarted;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.messaging.SubmitDecision;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.testkit.KafkaPostgresResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class RunOrchestrationIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject Pool pool;

  private SchedulerTopics topics;

  @BeforeEach
  void connect() {
    topics = new SchedulerTopics(bootstrapServers);
  }

  @AfterEach
  void disconnect() {
    topics.close();
  }

  @Test
  void shouldRunTwoNodesInOrderAndApplyADuplicateCompletionOnce() {
    String execution = newExecutionId();
    topics.send(startRun(execution, RetryPolicy.none()));

    NodeTask taskA = awaitTask(execution, execution + ":a:1");
    assertThat(taskA.attempt()).isEqualTo(1);
    assertThat(taskA.node().id()).isEqualTo("a");
    assertThat(taskA.scope().get("inputs").get("topic").asText()).isEqualTo("ice");
    assertThat(taskA.scope().get("execution").get("id").asText()).isEqualTo(execution);

    JsonNode outputA = JSON.objectNode().put("value", 42);
    topics.send(started(taskA));
    topics.send(completed(taskA, outputA));

    NodeTask taskB = awaitTask(execution, execution + ":b:1");
    assertThat(taskB.scope().get("a")).isEqualTo(outputA);

    // The worker ran task a twice (redelivery): a second completion with a fresh message id.
    NodeCompleted duplicate = completed(taskA, JSON.objectNode().put("value", 7));
    topics.send(duplicate);
    topics.send(started(taskB));
    topics.send(completed(taskB, JSON.objectNode().put("value", 43)));

    List<RunEvent> events = awaitTerminalEvent(execution);
    assertThat(events)
        .extracting(RunOrchestrationIT::describe)
        .containsExactly(
            "workflow.started",
            "level.started",
            "node.queued:a",
            "node.started:a",
            "node.completed:a",
            "level.completed",
            "level.started",
            "node.queued:b",
            "node.started:b",
            "node.completed:b",
            "level.completed",
            "workflow.completed");
    assertThat(events).extracting(RunEvent::sequence).containsExactly(seq(12));
    assertThat(events.getLast().data().get("output").get("a")).isEqualTo(outputA);
    assertThat(topics.tasks(execution)).extracting(NodeTask::taskId).hasSize(2);
    await().atMost(WAIT).until(() -> isApplied(duplicate.messageId()));
    assertThat(status(execution)).isEqualTo("completed");
  }

  @Test
  void shouldRunALoopBodyPerItemAndAConditionPathWithGapFreeEvents() {
    String execution = newExecutionId();
    LoopNodeSpec loop =
        new LoopNodeSpec(
            "fan",
            null,
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "{{ inputs.names }}",
            List.of(ToolNodeSpec.of("greet", "echo", JSON.objectNode())),
            "name",
            null,
            true);
    ConditionNodeSpec check =
        new ConditionNodeSpec(
            "check",
            null,
            List.of("fan"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "fan | length == 2 and inputs.topic == 'ice'",
            List.of(ToolNodeSpec.of("yes", "echo", JSON.objectNode())),
            List.of(),
            null,
            null);
    ExecutionPlan plan =
        new ExecutionPlan(
            ExecutionPlan.CURRENT_VERSION,
            "hash",
            List.of(List.of("fan"), List.of("check")),
            List.of(
                new PlannedNode(loop, 0, 30_000, RetryPolicy.none(), false),
                new PlannedNode(check, 1, 30_000, RetryPolicy.none(), false)),
            FailurePolicy.CONTINUE_IF_POSSIBLE,
            Scheduling.LEVEL,
            5,
            null,
            null,
            null);
    JsonNode inputs =
        JSON.objectNode().put("topic", "ice").set("names", JSON.arrayNode().add("x").add("y"));
    topics.send(
        new StartRun(
            UUID.randomUUID(),
            execution,
            "org-it",
            "bp-it",
            "lock-1",
            plan,
            inputs,
            RunOptions.defaults(),
            Instant.now()));

    NodeTask second = awaitTask(execution, execution + ":fan[1].greet:1");
    NodeTask first = awaitTask(execution, execution + ":fan[0].greet:1");
    assertThat(second.scope().get("name").asText()).isEqualTo("y");
    assertThat(second.scope().get("loop_index").asInt()).isEqualTo(1);
    assertThat(second.scope().get("loop_items").size()).isEqualTo(2);
    topics.send(completed(second, JSON.objectNode().put("hello", "y")));
    topics.send(completed(first, JSON.objectNode().put("hello", "x")));

    NodeTask yes = awaitTask(execution, execution + ":yes:1");
    assertThat(yes.scope().get("condition_result").asBoolean()).isTrue();
    assertThat(yes.scope().get("fan").toString())
        .isEqualTo("[{\"hello\":\"x\"},{\"hello\":\"y\"}]");
    topics.send(completed(yes, JSON.objectNode().put("ok", true)));

    List<RunEvent> events = awaitTerminalEvent(execution);
    assertThat(events.getLast().eventType()).isEqualTo(RunEventType.WORKFLOW_COMPLETED);
    assertThat(events).extracting(RunEvent::sequence).containsExactly(seq(events.size()));
    assertThat(events)
        .extracting(RunOrchestrationIT::describe)
        .containsSubsequence(
            "node.started:fan",
            "node.queued:fan[0].greet",
            "node.queued:fan[1].greet",
            "node.completed:fan",
            "node.started:check",
            "node.queued:yes",
            "node.completed:yes",
            "node.completed:check",
            "workflow.completed");
    JsonNode output = events.getLast().data().get("output");
    assertThat(output.get("check").get("branch_outputs").get("yes").get("ok").asBoolean()).isTrue();
    assertThat(status(execution)).isEqualTo("completed");
  }

  @Test
  void shouldWaitForAHumanDecisionSubmittedAsACommand() {
    String execution = newExecutionId();
    HumanNodeSpec review =
        new HumanNodeSpec(
            "a",
            null,
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "Publish?",
            null,
            null,
            null,
            null);
    topics.send(
        startRunWithFirst(
            execution, new PlannedNode(review, 0, 30_000, RetryPolicy.none(), false)));
    await()
        .atMost(WAIT)
        .until(
            () -> topics.events(execution),
            events -> events.stream().anyMatch(e -> e.eventType() == RunEventType.NODE_WAITING));

    topics.send(
        new SubmitDecision(
            UUID.randomUUID(), execution, "a", true, "ok", null, null, "alice", Instant.now()));

    NodeTask taskB = awaitTask(execution, execution + ":b:1");
    assertThat(taskB.scope().get("a").get("decided_by").asText()).isEqualTo("alice");
    assertThat(taskB.scope().get("a").get("approved").asBoolean()).isTrue();
  }

  @Test
  void shouldContinueTheOutcomesTraceInTheTasksItCauses() {
    String execution = newExecutionId();
    topics.send(startRun(execution, RetryPolicy.none()));
    NodeTask taskA = awaitTask(execution, execution + ":a:1");

    String traceId = "0af7651916cd43dd8448eb211c80319c";
    topics.sendTraced(
        completed(taskA, JSON.objectNode().put("value", 1)),
        "00-" + traceId + "-b7ad6b7169203331-01");

    String taskB = execution + ":b:1";
    awaitTask(execution, taskB);
    String traceparent =
        await().atMost(WAIT).until(() -> topics.taskTraceparent(taskB), tp -> tp != null);
    assertThat(traceparent).startsWith("00-" + traceId + "-");
  }

  @Test
  void shouldSendANewTaskWithTheNextAttemptAfterARetryableFailure() {
    String execution = newExecutionId();
    topics.send(startRun(execution, new RetryPolicy(3, BackoffStrategy.FIXED, 0.2)));

    NodeTask first = awaitTask(execution, execution + ":a:1");
    topics.send(started(first));
    topics.send(
        new NodeFailed(
            UUID.randomUUID(),
            first.taskId(),
            execution,
            "a",
            1,
            Failure.retryable("tool-error", "transient"),
            null,
            5,
            Instant.now()));

    NodeTask second = awaitTask(execution, execution + ":a:2");
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(topics.events(execution))
        .extracting(RunOrchestrationIT::describe)
        .containsSubsequence("node.started:a", "node.retrying:a", "node.queued:a");
    RunEvent retrying =
        topics.events(execution).stream()
            .filter(e -> e.eventType() == RunEventType.NODE_RETRYING)
            .findFirst()
            .orElseThrow();
    assertThat(retrying.data().get("next_attempt").asInt()).isEqualTo(2);
  }

  @Test
  void shouldSendTheTaskOfAnAttemptWhoseWorkerWentSilentAgainAndIgnoreItsLateOutcome() {
    String execution = newExecutionId();
    PlannedNode a = startRun(execution, RetryPolicy.none()).plan().nodes().getFirst();
    topics.send(
        startRunWithFirst(execution, new PlannedNode(a.spec(), 0, 1_000, a.retry(), false)));
    NodeTask taskA = awaitTask(execution, execution + ":a:1");
    topics.send(started(taskA));

    // no report within 1 s + grace: the task goes out again as attempt 2 (no retries configured)
    NodeTask again =
        await()
            .atMost(Duration.ofSeconds(40))
            .until(
                () ->
                    topics.tasks(execution).stream()
                        .filter(t -> t.taskId().equals(execution + ":a:2"))
                        .findFirst()
                        .orElse(null),
                task -> task != null);
    // sent with the new task, on another topic: it may reach the test's consumer a bit later
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(topics.cancellations(execution))
                    .extracting(CancelTasks::nodeId)
                    .contains("a"));
    topics.send(completed(taskA, JSON.objectNode().put("value", "late")));
    topics.send(started(again));
    topics.send(completed(again, JSON.objectNode().put("value", "ok")));
    NodeTask taskB = awaitTask(execution, execution + ":b:1");
    topics.send(started(taskB));
    topics.send(completed(taskB, JSON.objectNode().put("value", "b")));

    List<RunEvent> events = awaitTerminalEvent(execution);
    assertThat(events.getLast().eventType()).isEqualTo(RunEventType.WORKFLOW_COMPLETED);
    assertThat(events)
        .filteredOn(e -> e.eventType() == RunEventType.NODE_COMPLETED && "a".equals(e.nodeId()))
        .singleElement()
        .satisfies(e -> assertThat(e.data().get("attempt").asInt()).isEqualTo(2));
    assertThat(events)
        .filteredOn(e -> e.eventType() == RunEventType.NODE_RETRYING)
        .singleElement()
        .satisfies(e -> assertThat(e.data().get("error").asText()).contains("sent again"));
  }

  @Test
  void shouldIgnoreALateOutcomeOfACancelledExecution() {
    String execution = newExecutionId();
    topics.send(startRun(execution, RetryPolicy.none()));
    NodeTask taskA = awaitTask(execution, execution + ":a:1");

    topics.send(new CancelRun(UUID.randomUUID(), execution, "user asked", Instant.now()));
    List<RunEvent> events = awaitTerminalEvent(execution);
    assertThat(events.getLast().eventType()).isEqualTo(RunEventType.WORKFLOW_CANCELLED);

    NodeCompleted late = completed(taskA, JSON.objectNode());
    topics.send(late);
    await().atMost(WAIT).until(() -> isApplied(late.messageId()));

    assertThat(status(execution)).isEqualTo("cancelled");
    List<CancelTasks> interrupts =
        await().atMost(WAIT).until(() -> topics.cancellations(execution), c -> !c.isEmpty());
    assertThat(interrupts.getFirst().nodeId()).isNull();
    assertThat(interrupts.getFirst().reason()).isEqualTo("user asked");
    assertThat(topics.events(execution)).hasSameSizeAs(events);
    assertThat(topics.tasks(execution)).hasSize(1);
  }

  @Test
  void shouldDeadLetterAnUnreadableCommandAndKeepConsuming() {
    String poisonKey = "poison-" + UUID.randomUUID();
    topics.sendRaw(poisonKey, "{not json");
    String execution = newExecutionId();
    topics.send(startRun(execution, RetryPolicy.none()));

    await().atMost(WAIT).until(() -> topics.deadLetteredKeys().contains(poisonKey));
    awaitTask(execution, execution + ":a:1");
  }

  @Test
  void shouldApplyOutcomesPolledTogetherOnceAndDeadLetterAnUnreadableOneBesideThem() {
    String execution = newExecutionId();
    topics.send(startRun(execution, RetryPolicy.none()));
    NodeTask taskA = awaitTask(execution, execution + ":a:1");

    NodeCompleted completedA = completed(taskA, JSON.objectNode().put("value", 1));
    topics.sendRawOutcomes(
        execution,
        List.of(
            SchedulerTopics.json(started(taskA)),
            "{not json",
            SchedulerTopics.json(completedA),
            SchedulerTopics.json(completedA),
            SchedulerTopics.json(completed(taskA, JSON.objectNode().put("value", 2)))));

    NodeTask taskB = awaitTask(execution, execution + ":b:1");
    assertThat(taskB.scope().get("a").get("value").asInt()).isEqualTo(1);
    await().atMost(WAIT).until(() -> topics.deadLetteredOutcomeKeys().contains(execution));
    topics.sendRawOutcomes(
        execution,
        List.of(
            SchedulerTopics.json(started(taskB)),
            SchedulerTopics.json(completed(taskB, JSON.objectNode().put("value", 3)))));

    List<RunEvent> events = awaitTerminalEvent(execution);
    assertThat(events).extracting(RunEvent::sequence).containsExactly(seq(12));
    assertThat(events)
        .filteredOn(e -> e.eventType() == RunEventType.NODE_COMPLETED)
        .extracting(RunEvent::nodeId)
        .containsExactly("a", "b");
    assertThat(topics.tasks(execution)).hasSize(2);
    assertThat(status(execution)).isEqualTo("completed");
  }

  @Test
  void shouldTreatASecondStartOfTheSameExecutionAsANoOp() {
    String execution = newExecutionId();
    topics.send(startRun(execution, RetryPolicy.none()));
    awaitTask(execution, execution + ":a:1");

    StartRun again = startRun(execution, RetryPolicy.none());
    topics.send(again);
    await().atMost(WAIT).until(() -> isApplied(again.messageId()));

    assertThat(topics.tasks(execution)).hasSize(1);
    assertThat(topics.events(execution))
        .filteredOn(e -> e.eventType() == RunEventType.WORKFLOW_STARTED)
        .hasSize(1);
  }

  @Test
  void shouldSendOutboxRowsLeftBehindByACrashBetweenCommitAndSend() throws Exception {
    String execution = newExecutionId();
    RunEvent leftOver =
        new RunEvent(
            UUID.randomUUID(),
            execution,
            1,
            RunEventType.WORKFLOW_CANCELLED,
            null,
            JSON.objectNode().put("reason", "left over"),
            Instant.now());
    long rowId =
        pool.preparedQuery(
                "INSERT INTO scheduler.outbox (topic, record_key, payload)"
                    + " VALUES ($1, $2, $3::text::json) RETURNING id")
            .execute(
                Tuple.of(
                    Topics.RUN_EVENTS, execution, IceosJson.mapper().writeValueAsString(leftOver)))
            .await()
            .atMost(WAIT)
            .iterator()
            .next()
            .getLong("id");

    List<RunEvent> events = awaitTerminalEvent(execution);

    assertThat(events).extracting(RunEvent::messageId).containsExactly(leftOver.messageId());
    await().atMost(WAIT).until(() -> !outboxHas(rowId));
  }

  private NodeTask awaitTask(String execution, String taskId) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                topics.tasks(execution).stream()
                    .filter(t -> t.taskId().equals(taskId))
                    .findFirst()
                    .orElse(null),
            task -> task != null);
  }

  private List<RunEvent> awaitTerminalEvent(String execution) {
    return await()
        .atMost(WAIT)
        .until(
            () -> topics.events(execution),
            events -> !events.isEmpty() && events.getLast().eventType().isTerminal());
  }

  private boolean isApplied(UUID messageId) {
    return pool.preparedQuery("SELECT 1 FROM scheduler.applied_message WHERE message_id = $1")
            .execute(Tuple.of(messageId))
            .await()
            .atMost(WAIT)
            .size()
        == 1;
  }

  private boolean outboxHas(long rowId) {
    return pool.preparedQuery("SELECT 1 FROM scheduler.outbox WHERE id = $1")
            .execute(Tuple.of(rowId))
            .await()
            .atMost(WAIT)
            .size()
        == 1;
  }

  private String status(String execution) {
    return pool.preparedQuery("SELECT status FROM scheduler.run WHERE execution_id = $1")
        .execute(Tuple.of(execution))
        .await()
        .atMost(WAIT)
        .iterator()
        .next()
        .getString("status");
  }

  private static StartRun startRun(String execution, RetryPolicy retry) {
    ToolNodeSpec a = ToolNodeSpec.of("a", "echo", JSON.objectNode());
    ToolNodeSpec b = ToolNodeSpec.of("b", "echo", JSON.objectNode(), "a");
    ExecutionPlan plan =
        new ExecutionPlan(
            ExecutionPlan.CURRENT_VERSION,
            "hash",
            List.of(List.of("a"), List.of("b")),
            List.of(
                new PlannedNode(a, 0, 30_000, retry, false),
                new PlannedNode(b, 1, 30_000, retry, false)),
            FailurePolicy.CONTINUE_IF_POSSIBLE,
            Scheduling.LEVEL,
            5,
            null,
            null,
            null);
    return new StartRun(
        UUID.randomUUID(),
        execution,
        "org-it",
        "bp-it",
        "lock-1",
        plan,
        JSON.objectNode().put("topic", "ice"),
        RunOptions.defaults(),
        Instant.now());
  }

  /** {@link #startRun} with its first node (a) replaced. */
  private static StartRun startRunWithFirst(String execution, PlannedNode first) {
    StartRun start = startRun(execution, RetryPolicy.none());
    ExecutionPlan plan = start.plan();
    return new StartRun(
        start.messageId(),
        execution,
        start.orgId(),
        start.blueprintId(),
        start.versionLock(),
        new ExecutionPlan(
            plan.planVersion(),
            plan.contentHash(),
            plan.levels(),
            List.of(first, plan.nodes().get(1)),
            plan.failurePolicy(),
            plan.scheduling(),
            plan.maxParallel(),
            null,
            null,
            null),
        start.inputs(),
        start.options(),
        Instant.now());
  }

  private static NodeStarted started(NodeTask task) {
    return new NodeStarted(
        UUID.randomUUID(),
        task.taskId(),
        task.executionId(),
        task.nodeId(),
        task.attempt(),
        "worker-it",
        Instant.now());
  }

  private static NodeCompleted completed(NodeTask task, JsonNode output) {
    return new NodeCompleted(
        UUID.randomUUID(),
        task.taskId(),
        task.executionId(),
        task.nodeId(),
        task.attempt(),
        output,
        null,
        3,
        false,
        Instant.now());
  }

  private static String newExecutionId() {
    return "it-" + UUID.randomUUID();
  }

  private static String describe(RunEvent event) {
    String name = event.eventType().wireName();
    return event.nodeId() == null ? name : name + ":" + event.nodeId();
  }

  private static Long[] seq(int count) {
    Long[] expected = new Long[count];
    for (int i = 0; i < count; i++) {
      expected[i] = i + 1L;
    }
    return expected;
  }
}
