package ai.iceos.scheduler.run;

import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.contracts.plan.PlannedNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/** The {@code data} of each run event, exactly as docs/events.md lists it. */
final class EventData {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private EventData() {}

  static ObjectNode workflowStarted(RunState run) {
    ObjectNode data = JSON.objectNode();
    data.put("blueprint_id", run.blueprintId());
    data.put("version_lock", run.versionLock());
    data.set("inputs", run.inputs());
    ArrayNode levels = data.putArray("levels");
    run.plan().levels().forEach(level -> ids(levels.addArray(), level));
    ObjectNode nodes = data.putObject("nodes");
    for (PlannedNode node : run.plan().nodes()) {
      ObjectNode entry = nodes.putObject(node.id());
      entry.put("type", node.spec().kind().wireName());
      entry.put("level", node.level());
    }
    return data;
  }

  static ObjectNode tokenDelta(int attempt, int index, String delta) {
    ObjectNode data = JSON.objectNode();
    data.put("attempt", attempt);
    data.put("index", index);
    data.put("delta", delta);
    return data;
  }

  static ObjectNode levelStarted(int level, List<String> nodeIds) {
    ObjectNode data = level(level);
    ids(data.putArray("node_ids"), nodeIds);
    return data;
  }

  static ObjectNode level(int level) {
    return JSON.objectNode().put("level", level);
  }

  /** {@code parent} is the path id of the loop, condition or parallel node of a nested node. */
  static ObjectNode nodeQueued(int attempt, int level, String parent) {
    ObjectNode data = JSON.objectNode().put("attempt", attempt).put("level", level);
    return parent == null ? data : data.put("parent", parent);
  }

  static ObjectNode nodeStarted(int attempt, String workerId) {
    return JSON.objectNode().put("attempt", attempt).put("worker_id", workerId);
  }

  static ObjectNode nodeRetrying(int attempt, long waitMs, Failure failure) {
    return JSON.objectNode()
        .put("attempt", attempt)
        .put("next_attempt", attempt + 1)
        .put("wait_seconds", decimal(waitMs, 3))
        .put("error", failure.message());
  }

  /** {@code nodeUsage} is the node's usage over all its attempts, or null when it has none. */
  static ObjectNode nodeCompleted(
      int attempt, JsonNode output, long durationMs, boolean cacheHit, Usage nodeUsage) {
    ObjectNode data = JSON.objectNode().put("attempt", attempt);
    data.set("output", output);
    data.put("duration_ms", durationMs).put("cache_hit", cacheHit);
    if (nodeUsage != null) {
      data.set(
          "usage",
          tokens(nodeUsage).put("cost_usd", usd(nodeUsage)).put("llm_calls", nodeUsage.llmCalls()));
    }
    return data;
  }

  static ObjectNode nodeFailed(int attempt, Failure failure, long durationMs) {
    ObjectNode data = JSON.objectNode().put("attempt", attempt).put("error", failure.message());
    data.putObject("failure")
        .put("type", failure.type())
        .put("message", failure.message())
        .put("retryable", failure.retryable());
    return data.put("duration_ms", durationMs);
  }

  static ObjectNode nodeSkipped(String reason) {
    return JSON.objectNode().put("reason", reason);
  }

  static ObjectNode tokenUpdate(Usage totals) {
    return tokens(totals);
  }

  static ObjectNode costUpdate(Usage totals) {
    return JSON.objectNode().put("cost_usd", usd(totals));
  }

  static ObjectNode workflowCompleted(ObjectNode output, Usage totals, int toolExecutions) {
    ObjectNode data = JSON.objectNode();
    data.set("output", output);
    data.set("usage", runUsage(totals, toolExecutions));
    return data;
  }

  static ObjectNode workflowFailed(
      List<String> errors, ObjectNode output, Usage totals, int toolExecutions) {
    ObjectNode data = JSON.objectNode();
    ids(data.putArray("errors"), errors);
    data.set("output", output);
    data.set("usage", runUsage(totals, toolExecutions));
    return data;
  }

  static ObjectNode workflowCancelled(String reason) {
    return JSON.objectNode().put("reason", reason);
  }

  /** Micro-USD as decimal US dollars, without trailing zeros or an exponent. */
  static BigDecimal usd(Usage usage) {
    return decimal(usage.costMicroUsd(), 6);
  }

  private static ObjectNode runUsage(Usage totals, int toolExecutions) {
    return tokens(totals)
        .put("cost_usd", usd(totals))
        .put("llm_calls", totals.llmCalls())
        .put("tool_executions", toolExecutions);
  }

  private static ObjectNode tokens(Usage usage) {
    return JSON.objectNode()
        .put("prompt_tokens", usage.promptTokens())
        .put("completion_tokens", usage.completionTokens())
        .put("total_tokens", usage.totalTokens());
  }

  private static BigDecimal decimal(long unscaled, int scale) {
    BigDecimal value = BigDecimal.valueOf(unscaled, scale).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  private static void ids(ArrayNode target, List<String> values) {
    values.forEach(target::add);
  }
}
