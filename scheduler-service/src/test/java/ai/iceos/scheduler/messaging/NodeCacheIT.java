package ai.iceos.scheduler.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.testkit.KafkaPostgresResource;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The node output cache (SPEC §2.7) through the real broker and database. */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class NodeCacheIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

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
  void shouldServeACacheableNodeFromTheCacheInALaterExecutionWithoutSendingItsTask() {
    String blueprint = "cache-bp-" + UUID.randomUUID();
    String first = runOnce(blueprint, true);

    String second = "cache-it-" + UUID.randomUUID();
    topics.send(start(second, blueprint, true));
    NodeTask report = worker.awaitTask(second, second + ":report:1");
    assertThat(report.scope().get("price")).isEqualTo(JSON.objectNode().put("value", 42));
    worker.complete(report, JSON.objectNode().put("done", true));

    List<RunEvent> events = worker.awaitTerminal(second);
    RunEvent priced = completedEvent(events, "price");
    assertThat(priced.data().get("cache_hit").asBoolean()).isTrue();
    assertThat(priced.data().get("output")).isEqualTo(JSON.objectNode().put("value", 42));
    assertThat(
            completedEvent(worker.awaitTerminal(first), "price")
                .data()
                .get("cache_hit")
                .asBoolean())
        .isFalse();
    assertThat(topics.tasks(second)).extracting(NodeTask::nodeId).containsExactly("report");
  }

  @Test
  void shouldAlwaysExecuteANodeWithUseCacheFalse() {
    String blueprint = "cache-bp-" + UUID.randomUUID();
    runOnce(blueprint, false);

    String second = "cache-it-" + UUID.randomUUID();
    topics.send(start(second, blueprint, false));

    NodeTask price = worker.awaitTask(second, second + ":price:1");
    assertThat(price.nodeId()).isEqualTo("price");
  }

  @Test
  void shouldRunASideEffectingToolAgainUnlessItsNodeAsksForTheCacheItself() {
    ToolNodeSpec byDefault = price("http_request", null);
    String blueprint = "cache-bp-" + UUID.randomUUID();
    runOnce(blueprint, true, byDefault);
    String again = "cache-it-" + UUID.randomUUID();
    topics.send(start(again, blueprint, true, byDefault));
    assertThat(worker.awaitTask(again, again + ":price:1").node()).isEqualTo(byDefault);

    ToolNodeSpec asked = price("http_request", true);
    String askingBlueprint = "cache-bp-" + UUID.randomUUID();
    runOnce(askingBlueprint, true, asked);
    String served = "cache-it-" + UUID.randomUUID();
    topics.send(start(served, askingBlueprint, true, asked));
    worker.complete(
        worker.awaitTask(served, served + ":report:1"), JSON.objectNode().put("done", true));
    assertThat(
            completedEvent(worker.awaitTerminal(served), "price")
                .data()
                .get("cache_hit")
                .asBoolean())
        .isTrue();
    assertThat(topics.tasks(served)).extracting(NodeTask::nodeId).containsExactly("report");
  }

  /** Runs one execution to its end, completing {@code price} with {@code {value: 42}}. */
  private String runOnce(String blueprint, boolean useCache) {
    return runOnce(blueprint, useCache, price("echo", null));
  }

  private String runOnce(String blueprint, boolean useCache, ToolNodeSpec price) {
    String execution = "cache-it-" + UUID.randomUUID();
    topics.send(start(execution, blueprint, useCache, price));
    NodeTask priced = worker.awaitTask(execution, execution + ":price:1");
    worker.complete(priced, JSON.objectNode().put("value", 42));
    worker.complete(
        worker.awaitTask(execution, execution + ":report:1"), JSON.objectNode().put("done", true));
    worker.awaitTerminal(execution);
    return execution;
  }

  private static RunEvent completedEvent(List<RunEvent> events, String nodeId) {
    return events.stream()
        .filter(e -> e.eventType() == RunEventType.NODE_COMPLETED && nodeId.equals(e.nodeId()))
        .findFirst()
        .orElseThrow();
  }

  /** {@code price} (cacheable unless {@code useCache} is false), then {@code report} (never). */
  private static StartRun start(String execution, String blueprint, boolean useCache) {
    return start(execution, blueprint, useCache, price("echo", null));
  }

  /** The {@code price} node running {@code tool}, with the node's own {@code use_cache}. */
  private static ToolNodeSpec price(String tool, Boolean useCache) {
    ObjectNode json = JSON.objectNode().put("type", "tool").put("id", "price");
    json.put("tool_name", tool).putObject("tool_args").put("sku", "a-1");
    if (useCache != null) {
      json.put("use_cache", useCache);
    }
    return (ToolNodeSpec) IceosJson.mapper().convertValue(json, NodeSpec.class);
  }

  private static StartRun start(
      String execution, String blueprint, boolean useCache, ToolNodeSpec price) {
    ToolNodeSpec report = ToolNodeSpec.of("report", "echo", JSON.objectNode(), "price");
    ExecutionPlan plan =
        new ExecutionPlan(
            ExecutionPlan.CURRENT_VERSION,
            "hash",
            List.of(List.of("price"), List.of("report")),
            List.of(
                new PlannedNode(price, 0, 30_000, RetryPolicy.none(), useCache),
                new PlannedNode(report, 1, 30_000, RetryPolicy.none(), false)),
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
        blueprint,
        "lock-1",
        plan,
        JSON.objectNode().put("topic", "ice"),
        RunOptions.defaults(),
        Instant.now());
  }
}
