package ai.iceos.scheduler.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.MonitorAction;
import ai.iceos.contracts.blueprint.MonitorNodeSpec;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.RecursiveNodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.ResumeRun;
import ai.iceos.contracts.messaging.RetryRun;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.messaging.Usage;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Monitor pause and resume, retry of a failed execution, recursive nodes (decision 0113). */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class ExecutionControlIT {
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
  void shouldPauseOnAMonitorTriggerAndGoOnOnlyAfterAResume() {
    String execution = "it-" + UUID.randomUUID();
    MonitorNodeSpec watch =
        new MonitorNodeSpec(
            "watch",
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
            "total_tokens > 100",
            MonitorAction.PAUSE,
            List.of("dashboard"),
            1);
    topics.send(
        start(
            execution,
            List.of(
                watch,
                ToolNodeSpec.of("a", "echo", JSON.objectNode()),
                ToolNodeSpec.of("b", "echo", JSON.objectNode(), "a"),
                ToolNodeSpec.of("c", "echo", JSON.objectNode(), "b"))));
    FakeWorker worker = new FakeWorker(topics, execution);
    worker.run("a:1", JSON.objectNode(), new Usage(100, 50, 150, 1_000, 1));

    worker.awaitEvent(RunEventType.WORKFLOW_PAUSED);
    await().atMost(WAIT).until(() -> "paused".equals(status(execution)));
    NodeTask b = worker.run("b:1", JSON.objectNode().put("b", 1), null);
    await()
        .atMost(WAIT)
        .until(
            () -> topics.events(execution),
            events -> events.stream().anyMatch(e -> isCompleted(e, b.nodeId())));
    assertThat(topics.tasks(execution))
        .extracting(NodeTask::taskId)
        .doesNotContain(execution + ":c:1");
    assertThat(status(execution)).isEqualTo("paused");

    topics.send(new ResumeRun(UUID.randomUUID(), execution, Instant.now()));
    worker.run("c:1", JSON.objectNode(), null);

    List<RunEvent> events = worker.awaitEvent(RunEventType.WORKFLOW_COMPLETED);
    assertThat(events)
        .extracting(ExecutionControlIT::describe)
        .containsSubsequence(
            "node.alert:watch",
            "workflow.paused",
            "node.completed:b",
            "workflow.resumed",
            "node.queued:c",
            "node.completed:watch",
            "workflow.completed");
    assertGapFree(events);
    assertThat(status(execution)).isEqualTo("completed");
  }

  @Test
  void shouldRetryAFailedExecutionReRunningOnlyWhatFailedOrWasSkipped() {
    String execution = "it-" + UUID.randomUUID();
    topics.send(
        start(
            execution,
            List.of(
                ToolNodeSpec.of("a", "echo", JSON.objectNode()),
                ToolNodeSpec.of("keep", "echo", JSON.objectNode()),
                ToolNodeSpec.of("b", "echo", JSON.objectNode(), "a"))));
    FakeWorker worker = new FakeWorker(topics, execution);
    worker.run("keep:1", JSON.objectNode().put("kept", true), null);
    worker.fail("a:1", Failure.permanent("tool-error", "boom"));
    worker.awaitEvent(RunEventType.WORKFLOW_FAILED);
    await().atMost(WAIT).until(() -> "failed".equals(status(execution)));

    topics.send(new RetryRun(UUID.randomUUID(), execution, Instant.now()));
    worker.run("a:2", JSON.objectNode(), null);
    worker.run("b:1", JSON.objectNode(), null);

    List<RunEvent> events = worker.awaitEvent(RunEventType.WORKFLOW_COMPLETED);
    assertThat(events)
        .extracting(ExecutionControlIT::describe)
        .containsSubsequence(
            "workflow.failed", "workflow.resumed", "node.queued:a", "workflow.completed");
    assertGapFree(events);
    assertThat(events.getLast().data().get("output").get("keep").get("kept").asBoolean()).isTrue();
    assertThat(topics.tasks(execution))
        .extracting(NodeTask::taskId)
        .containsOnlyOnce(execution + ":keep:1");
    assertThat(status(execution)).isEqualTo("completed");
  }

  @Test
  void shouldIterateARecursiveNodeUntilItConverges() {
    String execution = "it-" + UUID.randomUUID();
    topics.send(start(execution, negotiation(5)));
    FakeWorker worker = new FakeWorker(topics, execution);
    worker.run("seed:1", JSON.objectNode().put("offer", 1), null);
    worker.run("negotiate[0].negotiate:1", JSON.objectNode().put("agreement_reached", false), null);
    NodeTask reseed = worker.run("negotiate[1].seed:1", JSON.objectNode().put("offer", 2), null);
    assertThat(reseed.scope().get("negotiate").get("agreement_reached").asBoolean()).isFalse();
    worker.run("negotiate[1].negotiate:1", JSON.objectNode().put("agreement_reached", true), null);

    List<RunEvent> events = worker.awaitEvent(RunEventType.WORKFLOW_COMPLETED);
    JsonNode output = events.getLast().data().get("output").get("negotiate");
    assertThat(output.get("converged").asBoolean()).isTrue();
    assertThat(output.get("reason").asText()).isEqualTo("condition_met");
    assertThat(output.get("iterations").asInt()).isEqualTo(2);
    assertGapFree(events);
  }

  @Test
  void shouldStopARecursiveNodeAtMaxIterations() {
    String execution = "it-" + UUID.randomUUID();
    topics.send(start(execution, negotiation(2)));
    FakeWorker worker = new FakeWorker(topics, execution);
    worker.run("seed:1", JSON.objectNode(), null);
    worker.run("negotiate[0].negotiate:1", JSON.objectNode().put("agreement_reached", false), null);
    worker.run("negotiate[1].seed:1", JSON.objectNode(), null);
    worker.run("negotiate[1].negotiate:1", JSON.objectNode().put("agreement_reached", false), null);

    List<RunEvent> events = worker.awaitEvent(RunEventType.WORKFLOW_COMPLETED);
    JsonNode output = events.getLast().data().get("output").get("negotiate");
    assertThat(output.get("converged").asBoolean()).isFalse();
    assertThat(output.get("reason").asText()).isEqualTo("max_iterations_reached");
    assertThat(output.get("iterations").asInt()).isEqualTo(2);
    assertThat(topics.tasks(execution))
        .extracting(NodeTask::taskId)
        .doesNotContain(execution + ":negotiate[2].seed:1");
  }

  private static List<NodeSpec> negotiation(int maxIterations) {
    RecursiveNodeSpec negotiate =
        new RecursiveNodeSpec(
            "negotiate",
            null,
            List.of("seed"),
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
            List.of("seed"),
            "echo_agent",
            null,
            "agreement_reached == True",
            maxIterations,
            true,
            null);
    return List.of(ToolNodeSpec.of("seed", "echo", JSON.objectNode()), negotiate);
  }

  /** An eager plan of {@code specs}; a node's level is 1 + its dependencies' highest. */
  private static StartRun start(String execution, List<NodeSpec> specs) {
    List<PlannedNode> nodes = new ArrayList<>();
    List<List<String>> levels = new ArrayList<>();
    for (NodeSpec spec : specs) {
      int level =
          spec.dependencies().stream()
                  .mapToInt(
                      d ->
                          nodes.stream()
                              .filter(n -> n.id().equals(d))
                              .findFirst()
                              .orElseThrow()
                              .level())
                  .max()
                  .orElse(-1)
              + 1;
      nodes.add(new PlannedNode(spec, level, 30_000, RetryPolicy.none(), false));
      while (levels.size() <= level) {
        levels.add(new ArrayList<>());
      }
      levels.get(level).add(spec.id());
    }
    ExecutionPlan plan =
        new ExecutionPlan(
            ExecutionPlan.CURRENT_VERSION,
            "hash",
            levels,
            nodes,
            FailurePolicy.CONTINUE_IF_POSSIBLE,
            Scheduling.EAGER,
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
        JSON.objectNode(),
        RunOptions.defaults(),
        Instant.now());
  }

  private static boolean isCompleted(RunEvent event, String nodeId) {
    return event.eventType() == RunEventType.NODE_COMPLETED && nodeId.equals(event.nodeId());
  }

  private static void assertGapFree(List<RunEvent> events) {
    assertThat(events)
        .extracting(RunEvent::sequence)
        .containsExactly(LongStream.rangeClosed(1, events.size()).boxed().toArray(Long[]::new));
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

  private static String describe(RunEvent event) {
    String name = event.eventType().wireName();
    return event.nodeId() == null ? name : name + ":" + event.nodeId();
  }
}
