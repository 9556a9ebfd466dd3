package ai.iceos.scheduler.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.ParallelNodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.blueprint.WorkflowNodeSpec;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PinnedPlan;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.testkit.KafkaPostgresResource;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code workflow} nodes through the real broker and database: the scheduler starts the child
 * execution on the run-commands topic, runs it (this test is its worker), and the child's end
 * completes or fails the parent's node through the node-outcomes topic.
 */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class WorkflowNodeIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String REF = "child-bp@v1";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  private SchedulerTopics topics;
  private ScriptedWorker worker;

  @BeforeEach
  void connect() {
    topics = new SchedulerTopics(bootstrapServers);
    worker = new ScriptedWorker(topics);
  }

  @AfterEach
  void disconnect() {
    topics.close();
  }

  @Test
  void shouldCompleteTheNodeWithTheChildsExposedOutputsWhenTheChildCompletes() {
    String parent = "wf-it-" + UUID.randomUUID();
    topics.send(parentStart(parent, 0, Map.of("price", "fetch.value", "gone", "nope")));

    String child = childOf(parent);
    RunEvent childStarted = worker.awaitEvents(child, e -> true).getFirst();
    assertThat(childStarted.eventType()).isEqualTo(RunEventType.WORKFLOW_STARTED);
    assertThat(childStarted.data().get("parent_execution_id").asText()).isEqualTo(parent);
    assertThat(childStarted.data().get("parent_node_id").asText()).isEqualTo("sub");
    NodeTask fetch = worker.awaitTask(child, child + ":fetch:1");
    assertThat(fetch.scope().get("inputs").get("topic").asText()).isEqualTo("ice");
    assertThat(fetch.scope().get("inputs").get("mode").asText()).isEqualTo("fast");
    assertThat(fetch.scope().get("inputs").get("label").asText()).isEqualTo("ice-ICE");
    worker.complete(fetch, JSON.objectNode().put("value", 42));

    NodeTask after = worker.awaitTask(parent, parent + ":after:1");
    assertThat(after.scope().get("sub"))
        .isEqualTo(JSON.objectNode().put("price", 42).putNull("gone"));
    worker.complete(after, JSON.objectNode().put("done", true));

    List<RunEvent> events = worker.awaitTerminal(parent);
    assertThat(events.getLast().eventType()).isEqualTo(RunEventType.WORKFLOW_COMPLETED);
    assertThat(worker.awaitTerminal(child).getLast().eventType())
        .isEqualTo(RunEventType.WORKFLOW_COMPLETED);
  }

  @Test
  void shouldFailTheNodeAndTheParentWhenTheChildFails() {
    String parent = "wf-it-" + UUID.randomUUID();
    topics.send(parentStart(parent, 0, Map.of()));

    String child = childOf(parent);
    NodeTask fetch = worker.awaitTask(child, child + ":fetch:1");
    worker.fail(fetch, Failure.permanent("tool-error", "boom"));

    List<RunEvent> events = worker.awaitTerminal(parent);
    RunEvent end = events.getLast();
    assertThat(end.eventType()).isEqualTo(RunEventType.WORKFLOW_FAILED);
    assertThat(end.data().get("errors").get(0).asText())
        .isEqualTo(
            "Node sub failed: Workflow execution " + child + " failed: Node fetch failed: boom");
    assertThat(topics.tasks(parent)).isEmpty();
  }

  @Test
  void shouldFailTheNodeWithoutAChildBeyondTheDepthLimit() {
    String parent = "wf-it-" + UUID.randomUUID();
    topics.send(parentStart(parent, StartRun.MAX_DEPTH, Map.of()));

    List<RunEvent> events = worker.awaitTerminal(parent);
    RunEvent failed =
        events.stream()
            .filter(e -> e.eventType() == RunEventType.NODE_FAILED)
            .findFirst()
            .orElseThrow();
    assertThat(failed.nodeId()).isEqualTo("sub");
    assertThat(failed.data().get("failure").get("type").asText()).isEqualTo("depth-exceeded");
    assertThat(events).noneMatch(e -> e.eventType() == RunEventType.NODE_STARTED);
  }

  @Test
  void shouldCancelTheChildAndFailTheNodeWhenTheNodesTimeoutRunsOut() {
    String parent = "wf-it-" + UUID.randomUUID();
    topics.send(parentStart(parent, 0, Map.of(), 1_000));

    String child = childOf(parent);
    worker.awaitTask(child, child + ":fetch:1"); // never reported: the child outlives the timeout

    List<RunEvent> childEvents = worker.awaitTerminal(child);
    assertThat(childEvents.getLast().eventType()).isEqualTo(RunEventType.WORKFLOW_CANCELLED);
    List<RunEvent> events = worker.awaitTerminal(parent);
    RunEvent failed =
        events.stream()
            .filter(e -> e.eventType() == RunEventType.NODE_FAILED && "sub".equals(e.nodeId()))
            .findFirst()
            .orElseThrow();
    assertThat(failed.data().get("failure").get("type").asText()).isEqualTo("timeout");
    assertThat(failed.data().get("failure").get("message").asText())
        .isEqualTo(
            "Workflow execution " + child + " did not finish within the node's timeout (1.0 s)");
    assertThat(events.getLast().eventType()).isEqualTo(RunEventType.WORKFLOW_FAILED);
  }

  @Test
  void shouldCancelTheChildWhenARaceIsWonByAnotherBranch() {
    String parent = "wf-it-" + UUID.randomUUID();
    ParallelNodeSpec race =
        (ParallelNodeSpec)
            IceosJson.mapper()
                .convertValue(
                    JSON.objectNode()
                        .put("type", "parallel")
                        .put("id", "race")
                        .put("wait_strategy", "race")
                        .set(
                            "branches",
                            JSON.arrayNode()
                                .add(JSON.arrayNode().add(workflowNode()))
                                .add(
                                    JSON.arrayNode()
                                        .add(
                                            JSON.objectNode()
                                                .put("type", "tool")
                                                .put("id", "fast")
                                                .put("tool_name", "echo")))),
                    NodeSpec.class);
    topics.send(
        start(
            parent,
            0,
            plan(
                List.of(List.of("race")),
                List.of(new PlannedNode(race, 0, 30_000, RetryPolicy.none(), false)))));

    String child = childOf(parent);
    worker.awaitTask(child, child + ":fetch:1");
    worker.complete(worker.awaitTask(parent, parent + ":fast:1"), JSON.objectNode());

    assertThat(worker.awaitTerminal(parent).getLast().eventType())
        .isEqualTo(RunEventType.WORKFLOW_COMPLETED);
    List<RunEvent> childEvents = worker.awaitTerminal(child);
    assertThat(childEvents.getLast().eventType()).isEqualTo(RunEventType.WORKFLOW_CANCELLED);
    assertThat(childEvents.getLast().data().get("reason").asText())
        .isEqualTo(
            "Parent execution "
                + parent
                + " no longer waits for node 'sub': skipped (parallel 'race' finished with branch"
                + " 1)");
  }

  private String childOf(String parent) {
    Predicate<RunEvent> subStarted =
        e -> e.eventType() == RunEventType.NODE_STARTED && "sub".equals(e.nodeId());
    RunEvent started =
        worker.awaitEvents(parent, subStarted).stream()
            .filter(subStarted)
            .findFirst()
            .orElseThrow();
    return started.data().get("child_execution_id").asText();
  }

  private static StartRun parentStart(String parent, int depth, Map<String, String> exposed) {
    return parentStart(parent, depth, exposed, 30_000);
  }

  private static StartRun parentStart(
      String parent, int depth, Map<String, String> exposed, long timeoutMs) {
    WorkflowNodeSpec sub =
        new WorkflowNodeSpec(
            "sub",
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
            REF,
            exposed,
            JSON.objectNode()
                .put("mode", "fast")
                .put("label", "{{ inputs.topic }}-{{ topic | upper }}"));
    ToolNodeSpec after = ToolNodeSpec.of("after", "echo", JSON.objectNode(), "sub");
    return start(
        parent,
        depth,
        plan(
            List.of(List.of("sub"), List.of("after")),
            List.of(
                new PlannedNode(sub, 0, timeoutMs, RetryPolicy.none(), false),
                new PlannedNode(after, 1, 30_000, RetryPolicy.none(), false))));
  }

  /** The {@code sub} workflow node as blueprint JSON, for nesting it. */
  private static ObjectNode workflowNode() {
    return JSON.objectNode().put("type", "workflow").put("id", "sub").put("workflow_ref", REF);
  }

  private static StartRun start(String parent, int depth, ExecutionPlan plan) {
    ToolNodeSpec fetch = ToolNodeSpec.of("fetch", "echo", JSON.objectNode());
    ExecutionPlan childPlan =
        plan(
            List.of(List.of("fetch")),
            List.of(new PlannedNode(fetch, 0, 30_000, RetryPolicy.none(), false)));
    return new StartRun(
        UUID.randomUUID(),
        parent,
        "org-it",
        "parent-bp",
        "p1",
        plan,
        JSON.objectNode().put("topic", "ice"),
        RunOptions.defaults(),
        null,
        null,
        depth,
        Map.of(REF, new PinnedPlan("child-bp", "v1", childPlan)),
        Instant.now());
  }

  private static ExecutionPlan plan(List<List<String>> levels, List<PlannedNode> nodes) {
    return new ExecutionPlan(
        ExecutionPlan.CURRENT_VERSION,
        "hash",
        levels,
        nodes,
        FailurePolicy.CONTINUE_IF_POSSIBLE,
        Scheduling.LEVEL,
        5,
        null,
        null,
        null);
  }
}
