package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.plan.PlannedNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeCacheTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> SIDE_EFFECTS = Set.of("http_request", "api_poster");

  private static PlannedNode planned(ai.iceos.contracts.blueprint.NodeSpec spec, boolean useCache) {
    return new PlannedNode(spec, 0, 30_000, RetryPolicy.none(), useCache);
  }

  private static LlmNodeSpec llm(Double temperature) {
    return new LlmNodeSpec(
        "ask",
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
        "gpt-4o-mini",
        "hi",
        null,
        temperature,
        null,
        null,
        null);
  }

  @Test
  void shouldCacheOnlyDeterministicNodesThatAllowIt() {
    ToolNodeSpec tool = ToolNodeSpec.of("t", "echo", JSON.objectNode());
    assertThat(NodeCache.cacheable(planned(tool, true), SIDE_EFFECTS)).isTrue();
    assertThat(NodeCache.cacheable(planned(tool, false), SIDE_EFFECTS)).isFalse();
    assertThat(NodeCache.cacheable(planned(llm(0.0), true), SIDE_EFFECTS)).isTrue();
    assertThat(NodeCache.cacheable(planned(llm(null), true), SIDE_EFFECTS)).isFalse();
    assertThat(NodeCache.cacheable(planned(llm(0.2), true), SIDE_EFFECTS)).isFalse();
    ToolNodeSpec perExecution =
        ToolNodeSpec.of("t", "echo", JSON.objectNode().put("run", "{{ execution.id }}"));
    assertThat(NodeCache.cacheable(planned(perExecution, true), SIDE_EFFECTS)).isFalse();
    assertThat(
            NodeCache.cacheable(
                planned(RunTransitionsWorkflowTest.workflow("w", "x", Map.of(), null), true),
                SIDE_EFFECTS))
        .isFalse();
  }

  @Test
  void shouldCacheASideEffectingToolOnlyWhenTheNodeAsksForItExplicitly() {
    ToolNodeSpec byDefault = tool("post", "http_request", null);
    assertThat(NodeCache.cacheable(planned(byDefault, true), SIDE_EFFECTS)).isFalse();
    assertThat(NodeCache.cacheable(planned(tool("post", "api_poster", null), true), SIDE_EFFECTS))
        .isFalse();
    assertThat(NodeCache.cacheable(planned(tool("post", "http_request", true), true), SIDE_EFFECTS))
        .isTrue();
    assertThat(
            NodeCache.cacheable(planned(tool("post", "http_request", true), false), SIDE_EFFECTS))
        .as("the blueprint's cache: false still wins")
        .isFalse();
    assertThat(NodeCache.cacheable(planned(tool("post", "echo", null), true), SIDE_EFFECTS))
        .isTrue();
    assertThat(NodeCache.cacheable(planned(byDefault, true), Set.of())).isTrue();
  }

  @Test
  void shouldNotStoreTheOutputOfASideEffectingTool() {
    RunDriver run = RunDriver.start(plan().node(tool("post", "http_request", null)).build());
    RunState before = run.state;
    run.complete("post", RunDriver.output("x"));

    assertThat(NodeCache.completions(before, run.state, SIDE_EFFECTS)).isEmpty();
    assertThat(NodeCache.keyOf(before, run.tasks.getFirst(), SIDE_EFFECTS)).isEmpty();
    assertThat(NodeCache.keyOf(before, run.tasks.getFirst(), Set.of())).isPresent();
  }

  private static ToolNodeSpec tool(String id, String toolName, Boolean useCache) {
    String flag = useCache == null ? "" : ", \"use_cache\": " + useCache;
    return (ToolNodeSpec)
        Plans.spec(
            "{\"type\": \"tool\", \"id\": \""
                + id
                + "\", \"tool_name\": \""
                + toolName
                + "\""
                + flag
                + "}");
  }

  @Test
  void shouldGiveTheSameKeyForTheSameNodeAndInputsInAnotherExecutionOnly() {
    ToolNodeSpec tool = ToolNodeSpec.of("t", "echo", JSON.objectNode());
    String key = NodeCache.key("org-1", "bp", "v1", tool, scope("exec-1", "ice"));

    assertThat(NodeCache.key("org-1", "bp", "v1", tool, scope("exec-2", "ice"))).isEqualTo(key);
    assertThat(NodeCache.key("org-1", "bp", "v1", tool, scope("exec-1", "fire"))).isNotEqualTo(key);
    assertThat(NodeCache.key("org-2", "bp", "v1", tool, scope("exec-1", "ice"))).isNotEqualTo(key);
    assertThat(NodeCache.key("org-1", "bp", "v2", tool, scope("exec-1", "ice"))).isNotEqualTo(key);
    assertThat(key).matches("[0-9a-f]{64}");
  }

  @Test
  void shouldServeATaskFromTheCacheInsteadOfSendingIt() {
    RunDriver run = RunDriver.start(plan().tool("a").tool("b", "a").build());
    Transition started = new Transition(run.state, run.tasks, run.events, run.cancellations);
    NodeTask task = started.tasks().getFirst();

    Transition served = NodeCache.served(started, task, JSON.objectNode().put("value", "cached"));

    assertThat(served.tasks()).extracting(NodeTask::nodeId).containsExactly("b");
    assertThat(served.state().node("a").output().toString()).isEqualTo("{\"value\":\"cached\"}");
    var completed =
        served.events().stream()
            .filter(e -> e.eventType() == RunEventType.NODE_COMPLETED)
            .findFirst()
            .orElseThrow();
    assertThat(completed.data().get("cache_hit").asBoolean()).isTrue();
    assertThat(served.tasks().getFirst().scope().get("a").toString())
        .isEqualTo("{\"value\":\"cached\"}");
  }

  @Test
  void shouldListTheCacheableAttemptsAWorkersReportCompleted() {
    RunDriver run = RunDriver.start(plan().tool("a").build());
    RunState before = run.state;
    run.complete("a", RunDriver.output("x"));

    assertThat(NodeCache.completions(before, run.state, SIDE_EFFECTS))
        .containsExactly(new NodeCache.Completion("exec-1:a:1", RunDriver.output("x")));
    assertThat(NodeCache.completions(run.state, run.state, SIDE_EFFECTS)).isEmpty();
  }

  private static JsonNode scope(String executionId, String topic) {
    var scope = JSON.objectNode().put("topic", topic);
    scope.putObject("inputs").put("topic", topic);
    scope.putObject("execution").put("id", executionId).put("blueprint_id", "bp");
    return scope;
  }
}
