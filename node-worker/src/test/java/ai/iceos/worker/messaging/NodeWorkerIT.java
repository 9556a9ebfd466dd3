package ai.iceos.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import ai.iceos.contracts.blueprint.AgentNodeSpec;
import ai.iceos.contracts.blueprint.CoordinationStrategy;
import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.SwarmAgent;
import ai.iceos.contracts.blueprint.SwarmNodeSpec;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeStarted;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.testkit.KafkaResource;
import ai.iceos.worker.node.CodeNodes;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker through a real broker: tasks in on node-tasks, outcomes out on node-outcomes. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(FakeGatewayResource.class)
class NodeWorkerIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  private WorkerTopics topics;
  private KafkaCompanion companion;
  private final String executionId = "exec-" + UUID.randomUUID();

  @BeforeEach
  void connect() {
    topics = new WorkerTopics(bootstrapServers);
    companion = topics.companion;
  }

  @AfterEach
  void disconnect() {
    topics.close();
  }

  @Test
  void shouldCompleteEchoWithTemplateFromScope() {
    // given
    var node =
        ToolNodeSpec.of(
            "greet",
            "echo",
            json("{\"n\": \"{{ inputs.n }}\", \"text\": \"hi {{ inputs.name }}\"}"));

    // when
    send(task(node, "{\"inputs\": {\"n\": 4, \"name\": \"Ada\"}}", 10_000));

    // then
    assertThat(onlyEnd(awaitFinished(1)))
        .isInstanceOfSatisfying(
            NodeCompleted.class,
            completed -> {
              assertThat(completed.taskId()).isEqualTo(NodeTask.taskIdOf(executionId, "greet", 1));
              assertThat(completed.output()).isEqualTo(json("{\"n\": 4, \"text\": \"hi Ada\"}"));
              assertThat(completed.usage()).isNull();
              assertThat(completed.cacheHit()).isFalse();
            });
  }

  @Test
  void shouldReportAQuickAttemptByItsEndAloneCarryingItsStart() {
    // given a no-op task that ends well within the start report's delay (1 s in tests)
    Instant sent = Instant.now();
    send(task(ToolNodeSpec.of("noop", "constant", json("{}")), "{}", 10_000));

    // then its completion is its only report, and it reports the start
    List<NodeOutcome> received = awaitFinished(1);
    assertThat(received).hasSize(1);
    assertThat(received.getFirst())
        .isInstanceOfSatisfying(
            NodeCompleted.class,
            completed -> {
              assertThat(completed.workerId()).isNotBlank();
              assertThat(completed.startedAt()).isAfterOrEqualTo(sent.minusSeconds(1));
              assertThat(completed.startedAt()).isBeforeOrEqualTo(completed.occurredAt());
              assertThat(completed.durationMs())
                  .isEqualTo(
                      Duration.between(completed.startedAt(), completed.occurredAt()).toMillis());
            });
  }

  @Test
  void shouldCarryTheTaskTraceContextOntoItsOutcome() {
    // given a task record with a W3C trace context (the worker makes no messaging spans, 0105)
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    topics.sendTraced(
        task(ToolNodeSpec.of("traced", "constant", json("{}")), "{}", 10_000), traceparent);

    // then its outcome record carries the same trace context
    awaitFinished(1);
    assertThat(topics.traceparents(executionId)).containsExactly(traceparent);
  }

  @Test
  void shouldReportTheStartOfALongAttemptBeforeItsEnd() {
    // given a task that runs longer than the start report's delay (1 s in tests)
    send(task(ToolNodeSpec.of("nap", "sleep", json("{\"seconds\": 3}")), "{}", 30_000));

    // then NodeStarted comes first, and the completion reports the same start
    List<NodeOutcome> received = awaitFinished(1);
    assertThat(received).hasSize(2);
    NodeStarted started = (NodeStarted) received.get(0);
    assertThat(received.get(1))
        .isInstanceOfSatisfying(
            NodeCompleted.class,
            completed -> {
              assertThat(completed.startedAt()).isEqualTo(started.occurredAt());
              assertThat(completed.workerId()).isEqualTo(started.workerId());
              assertThat(completed.durationMs()).isGreaterThanOrEqualTo(3_000);
            });
    assertThat(started.messageId()).isNotEqualTo(received.get(1).messageId());
  }

  @Test
  void shouldFailWithTheFailToolsMessage() {
    send(
        task(ToolNodeSpec.of("breaks", "fail", json("{\"msg\": \"disk on fire\"}")), "{}", 10_000));

    assertThat(failureOf(awaitFinished(1)))
        .isEqualTo(Failure.retryable("tool-error", "disk on fire"));
  }

  @Test
  void shouldFailUnknownToolPermanently() {
    send(task(ToolNodeSpec.of("ghost", "no-such-tool", json("{}")), "{}", 10_000));

    assertThat(failureOf(awaitFinished(1)))
        .isEqualTo(Failure.permanent("unknown-tool", "Tool 'no-such-tool' is not registered"));
  }

  @Test
  void shouldTimeOutAtTheAttemptsDeadline() {
    send(task(ToolNodeSpec.of("slow", "sleep", json("{\"seconds\": 30}")), "{}", 500));

    assertThat(failureOf(awaitFinished(1)))
        .isEqualTo(Failure.retryable("timeout", "Node 'slow' timed out after 0.5 s"));
  }

  @Test
  void shouldRunSixtyFourSleepingTasksConcurrently() {
    // given 64 two-second sleeps of one execution (one outcome partition, so record order is real
    // order), produced in one batch; a worker running fewer at once would complete one before
    // starting the 64th
    int count = 64;
    send(
        IntStream.range(0, count)
            .mapToObj(i -> ToolNodeSpec.of("nap" + i, "sleep", json("{\"seconds\": 2}")))
            .map(node -> task(node, "{}", 30_000))
            .toArray(NodeTask[]::new));

    // then every task started before the first one completed
    List<NodeOutcome> received = awaitFinished(count, Duration.ofSeconds(120));
    List<NodeCompleted> completions =
        ends(received).stream().map(NodeCompleted.class::cast).toList();
    assertThat(completions).hasSize(count);
    Instant firstEnd =
        completions.stream().map(NodeCompleted::occurredAt).min(Instant::compareTo).orElseThrow();
    assertThat(completions).allMatch(completed -> completed.startedAt().isBefore(firstEnd));
  }

  @Test
  void shouldFailArgumentsAgainstTheToolsSchemaAsValidation() {
    send(task(ToolNodeSpec.of("nap", "sleep", json("{\"seconds\": -1}")), "{}", 10_000));

    Failure failure = failureOf(awaitFinished(1));
    assertThat(failure.type()).isEqualTo("validation");
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.message()).startsWith("Input validation failed for tool 'sleep': seconds: ");
  }

  @Test
  void shouldFailAnUndefinedTemplateNameAsTemplateError() {
    send(task(ToolNodeSpec.of("greet", "echo", json("{\"a\": \"{{ nope }}\"}")), "{}", 10_000));

    assertThat(failureOf(awaitFinished(1)))
        .isEqualTo(
            Failure.permanent(
                "template-error", "Template error in tool_args.a: 'nope' is undefined"));
  }

  @Test
  void shouldFailAResultThatBreaksTheOutputSchemaAsInvalidOutput() {
    send(task(ToolNodeSpec.of("sum", "test_sloppy", json("{}")), "{}", 10_000));

    assertThat(failureOf(awaitFinished(1)))
        .isEqualTo(
            Failure.retryable(
                "invalid-output",
                "Output validation failed for tool 'test_sloppy': required property 'total' not"
                    + " found"));
  }

  @Test
  void shouldReportABugAsARetryableInternalFailure() {
    send(task(ToolNodeSpec.of("buggy", "test_dangling", json("{}")), "{}", 10_000));

    Failure failure = failureOf(awaitFinished(1));
    assertThat(failure.type()).isEqualTo("internal");
    assertThat(failure.retryable()).isTrue();
  }

  @Test
  void shouldFailFlakyWithTransientThenSucceedOnTheNextAttempt() {
    var node = ToolNodeSpec.of("wobbly", "flaky", json("{\"fail_times\": 1}"));

    send(task(node, "{}", 10_000, 1));
    assertThat(failureOf(awaitFinished(1)))
        .isEqualTo(Failure.retryable("transient", "Transient failure on attempt 1 of 1"));
    send(task(node, "{}", 10_000, 2));

    NodeOutcome second = ends(awaitFinished(2)).get(1);
    assertThat(second)
        .isInstanceOfSatisfying(
            NodeCompleted.class,
            completed -> assertThat(completed.output()).isEqualTo(json("{\"attempt\": 2}")));
  }

  @Test
  void shouldRunTheSellerAssistantsListingAgentWithLoopScope() {
    String items =
        "[{\"Product/Item\": \"Vanity\", \"Suggested Price\": \"$150.00\"},"
            + " {\"Product/Item\": \"Vanity\", \"Suggested Price\": \"$300.00\"}]";
    String scope =
        "{\"item\": " + json(items).get(1) + ", \"loop_index\": 1, \"loop_items\": " + items + "}";

    send(
        task(
            ToolNodeSpec.of(
                "listing_agent_inner", "listing_agent", json("{\"item\": \"{{ item }}\"}")),
            scope,
            10_000));

    assertThat(onlyEnd(awaitFinished(1)))
        .isInstanceOfSatisfying(
            NodeCompleted.class,
            completed -> {
              assertThat(completed.output().get("price").decimalValue())
                  .isEqualByComparingTo(new BigDecimal("375.00"));
              assertThat(completed.output().get("duplicate").asBoolean()).isTrue();
            });
  }

  @Test
  void shouldRunACodeNodeInTheJavaScriptSandbox() {
    var node =
        CodeNodes.inline(
            "calc", "return ctx.inputs.prices.reduce((a, b) => a + b, 0);", "javascript");

    send(task(node, "{\"inputs\": {\"prices\": [1.5, 2.5]}}", 30_000));

    assertThat(onlyEnd(awaitFinished(1)))
        .isInstanceOfSatisfying(
            NodeCompleted.class,
            completed -> assertThat(completed.output()).isEqualTo(json("{\"result\": 4}")));
  }

  @Test
  void shouldInterruptARunningTaskOnCancelTasks() {
    // given a long task that has started
    send(task(ToolNodeSpec.of("long", "sleep", json("{\"seconds\": 60}")), "{}", 90_000));
    await().atMost(WAIT).until(() -> !received().isEmpty());

    // when its execution is cancelled (sent again until seen: the worker's broadcast consumer
    // starts from the latest offset once it has its partitions)
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              cancel(executionId, "user asked");
              return received().size() >= 2;
            });

    // then
    assertThat(failureOf(received()))
        .isEqualTo(Failure.permanent("cancelled", "Cancelled: user asked"));
  }

  @Test
  void shouldCallTheGatewayForAnLlmNode() {
    var node = LlmNodeSpec.of("ask", "offline-echo", "Hello {{ inputs.name }}");

    send(task(node, "{\"inputs\": {\"name\": \"Ada\"}}", 10_000));

    NodeOutcome finished = onlyEnd(awaitFinished(1));
    assertThat(finished)
        .isInstanceOfSatisfying(
            NodeCompleted.class,
            completed -> {
              assertThat(completed.output().get("response").asText()).isEqualTo("ECHO::Hello Ada");
              assertThat(completed.output().get("text").asText()).isEqualTo("ECHO::Hello Ada");
              assertThat(completed.output().get("prompt").asText()).isEqualTo("Hello Ada");
              assertThat(completed.output().get("model").asText()).isEqualTo("offline-echo");
              assertThat(completed.output().at("/usage/total_tokens").asLong()).isEqualTo(12);
              assertThat(completed.usage()).isEqualTo(new Usage(5, 7, 12, 420, 1));
            });
  }

  @Test
  void shouldRunAnAgentsToolCallingLoopThroughTheGateway() {
    var node =
        new AgentNodeSpec(
            "helper",
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
            null,
            null,
            null,
            "Use your tools",
            List.of("constant", "echo"),
            "offline-echo",
            4,
            null);

    send(task(node, "{\"inputs\": {\"task\": \"please echo this\"}}", 10_000));

    NodeOutcome finished = onlyEnd(awaitFinished(1));
    assertThat(finished)
        .isInstanceOfSatisfying(
            NodeCompleted.class,
            completed -> {
              assertThat(completed.output().get("message").asText()).isEqualTo("ECHO::{}");
              assertThat(completed.output().at("/tool_calls/0/tool").asText()).isEqualTo("echo");
              assertThat(completed.output().at("/tool_calls/0/result")).isEmpty();
              assertThat(completed.output().get("tool_calls")).hasSize(1);
              assertThat(completed.output().get("iterations").asInt()).isEqualTo(2);
              assertThat(completed.usage()).isEqualTo(new Usage(10, 14, 24, 840, 2));
            });
  }

  @Test
  void shouldReachConsensusAmongOfflineEchoAgentsInOneRound() {
    NodeCompleted completed = runSwarm(CoordinationStrategy.CONSENSUS, 3);

    JsonNode output = completed.output();
    assertThat(output.get("strategy").asText()).isEqualTo("consensus");
    assertThat(output.get("result").asText()).isEqualTo("ECHO::{}");
    assertThat(output.get("rounds").asInt()).isEqualTo(1);
    assertThat(output.get("consensus_reached").asBoolean()).isTrue();
    assertThat(output.get("agreement").asDouble()).isEqualTo(1.0);
    assertThat(output.get("agents")).hasSize(2);
    assertThat(completed.usage()).isEqualTo(new Usage(20, 28, 48, 1_680, 4));
  }

  @Test
  void shouldLetTheLeaderDelegateTheWholeTaskAndSynthesizeOffline() {
    NodeCompleted completed = runSwarm(CoordinationStrategy.HIERARCHICAL, 3);

    JsonNode output = completed.output();
    assertThat(output.get("strategy").asText()).isEqualTo("hierarchical");
    assertThat(output.get("leader").asText()).isEqualTo("lead");
    assertThat(output.get("delegation").asText()).isEqualTo("whole_task");
    assertThat(output.get("result").asText()).isEqualTo("ECHO::{}");
    assertThat(output.get("transcript")).hasSize(3);
    assertThat(completed.usage().llmCalls()).isEqualTo(6);
  }

  @Test
  void shouldAuctionMaxRoundsThenGiveTheTaskToTheFirstAgentWhenNoneBidsOffline() {
    NodeCompleted completed = runSwarm(CoordinationStrategy.MARKETPLACE, 2);

    JsonNode output = completed.output();
    assertThat(output.get("strategy").asText()).isEqualTo("marketplace");
    assertThat(output.get("rounds").asInt()).isEqualTo(2);
    assertThat(output.get("winner").asText()).isEqualTo("lead");
    assertThat(output.get("winner_reason").asText()).isEqualTo("no_valid_bid");
    assertThat(output.get("result").asText()).isEqualTo("ECHO::{}");
    assertThat(completed.usage().llmCalls()).isEqualTo(10);
  }

  private NodeCompleted runSwarm(CoordinationStrategy strategy, int maxRounds) {
    var node =
        SwarmNodeSpec.of(
            "team",
            List.of(
                new SwarmAgent("echo_agent", "lead", json("{\"model\": \"offline-echo\"}")),
                new SwarmAgent("echo_agent", "helper", null)),
            strategy,
            maxRounds,
            null);

    send(task(node, "{\"inputs\": {\"topic\": \"launch plan\"}}", 20_000));

    NodeOutcome finished = onlyEnd(awaitFinished(1));
    assertThat(finished).isInstanceOf(NodeCompleted.class);
    return (NodeCompleted) finished;
  }

  @Test
  void shouldReportGatewayRateLimitAsRetryableWithRetryAfter() {
    send(task(LlmNodeSpec.of("ask", "rate-limited", "hi"), "{}", 10_000));

    assertThat(failureOf(awaitFinished(1)))
        .isEqualTo(new Failure("rate-limited", "Rate limit exceeded for org", true, 3_000L));
  }

  @Test
  void shouldDeadLetterAnUnreadableTaskAndKeepWorking() {
    // given a record that is not a NodeTask
    String key = "garbage-" + UUID.randomUUID();
    companion
        .produceStrings()
        .fromRecords(new ProducerRecord<>(Topics.NODE_TASKS, key, "{not json"))
        .awaitCompletion(WAIT);

    // when a valid task follows
    send(task(ToolNodeSpec.of("after", "echo", json("{}")), "{}", 10_000));

    // then the garbage is dead-lettered and the task still runs
    try (var dlq = companion.consumeStrings().fromTopics(Topics.NODE_TASKS + ".dlq")) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> assertThat(dlq.getRecords()).extracting(ConsumerRecord::key).contains(key));
    }
    assertThat(onlyEnd(awaitFinished(1))).isInstanceOf(NodeCompleted.class);
  }

  @Test
  void shouldBeReadyAndExposeAttemptMetrics() {
    send(task(ToolNodeSpec.of("probe", "echo", json("{}")), "{}", 10_000));
    awaitFinished(1);

    RestAssured.get("/q/health/ready").then().statusCode(200);
    RestAssured.get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("iceos_worker_attempts_total{kind=\"tool\",result=\"completed\"}"))
        .body(containsString("# TYPE iceos_worker_tasks_waiting gauge"));
  }

  private NodeTask task(NodeSpec node, String scope, long timeoutMs) {
    return task(node, scope, timeoutMs, 1);
  }

  private NodeTask task(NodeSpec node, String scope, long timeoutMs, int attempt) {
    return new NodeTask(
        UUID.randomUUID(),
        NodeTask.taskIdOf(executionId, node.id(), attempt),
        executionId,
        "org-1",
        node.id(),
        attempt,
        node,
        json(scope),
        timeoutMs,
        Instant.now());
  }

  private void send(NodeTask... tasks) {
    topics.send(tasks);
  }

  private void cancel(String execution, String reason) {
    var command = new CancelTasks(UUID.randomUUID(), execution, null, reason, Instant.now());
    companion
        .produceStrings()
        .fromRecords(new ProducerRecord<>(Topics.TASK_CANCELLATIONS, execution, write(command)))
        .awaitCompletion(WAIT);
  }

  private static String write(Object message) {
    return WorkerTopics.write(message);
  }

  /** This test's outcomes in partition order, once {@code finished} tasks have a final outcome. */
  private List<NodeOutcome> awaitFinished(int finished) {
    return awaitFinished(finished, WAIT);
  }

  private List<NodeOutcome> awaitFinished(int finished, Duration wait) {
    return await()
        .atMost(wait)
        .until(
            this::received,
            list -> list.stream().filter(o -> !(o instanceof NodeStarted)).count() >= finished);
  }

  private List<NodeOutcome> received() {
    return topics.received(executionId);
  }

  /** The final outcomes (completions and failures) among {@code received}, in order. */
  private static List<NodeOutcome> ends(List<NodeOutcome> received) {
    return received.stream().filter(o -> !(o instanceof NodeStarted)).toList();
  }

  /**
   * The one final outcome of a single task; a {@code NodeStarted} (only for an attempt longer than
   * the start report's delay) may come before it, never after.
   */
  private static NodeOutcome onlyEnd(List<NodeOutcome> received) {
    assertThat(ends(received)).hasSize(1);
    assertThat(received.getLast()).isNotInstanceOf(NodeStarted.class);
    assertThat(received.size()).isLessThanOrEqualTo(2);
    return received.getLast();
  }

  private static Failure failureOf(List<NodeOutcome> received) {
    NodeOutcome end = onlyEnd(received);
    assertThat(end).isInstanceOf(NodeFailed.class);
    return ((NodeFailed) end).failure();
  }

  private static JsonNode json(String text) {
    return WorkerTopics.json(text);
  }
}
