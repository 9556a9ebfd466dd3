package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.NodeType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The execution's metrics a {@code monitor}'s {@code metric_expression} reads (SPEC §2.6, decision
 * 0113), from what the run state knows at the moment of the check. Node counts cover every node of
 * the execution, nested ones (loop iterations, paths, branches, recursive iterations) included,
 * monitors excluded.
 */
final class RunMetrics {
  private RunMetrics() {}

  static ObjectNode of(Step step) {
    ObjectNode metrics = JsonNodeFactory.instance.objectNode();
    metrics.put("total_tokens", step.usage.totalTokens());
    metrics.put("prompt_tokens", step.usage.promptTokens());
    metrics.put("completion_tokens", step.usage.completionTokens());
    metrics.put("cost_usd", EventData.usd(step.usage));
    metrics.put("llm_calls", step.usage.llmCalls());
    metrics.put("tool_executions", step.toolExecutions);
    int failed = 0;
    int succeeded = 0;
    int skipped = 0;
    int active = 0;
    int pending = 0;
    int retried = 0;
    int total = 0;
    for (String path : step.allPaths()) {
      if (step.planned(path).spec().kind() == NodeType.MONITOR) {
        continue;
      }
      NodeState node = step.node(path);
      total++;
      retried += Math.max(0, node.attempt() - 1);
      switch (node.status()) {
        case FAILED -> failed++;
        case SUCCEEDED -> succeeded++;
        case SKIPPED, CANCELLED -> skipped++;
        case PENDING -> pending++;
        case QUEUED, RUNNING, RETRYING, WAITING -> active++;
      }
    }
    metrics.put("failed_nodes", failed);
    metrics.put("succeeded_nodes", succeeded);
    metrics.put("skipped_nodes", skipped);
    metrics.put("running_nodes", active);
    metrics.put("pending_nodes", pending);
    metrics.put("total_nodes", total);
    metrics.put("retries", retried);
    long elapsedMs = Duration.between(step.base.startedAt(), step.now).toMillis() - step.excludedMs;
    metrics.put("elapsed_seconds", BigDecimal.valueOf(Math.max(0, elapsedMs), 3));
    return metrics;
  }
}
