package ai.iceos.blueprint.execution;

import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * view = f(view, event): folds one run event (data per docs/events.md) into the execution view.
 * Events must be applied in sequence order, each once. A terminal view ignores everything after it,
 * except a retry of a failed execution: {@code workflow.resumed} with {@code reason: "retry"}
 * reopens it (decision 0113). {@code node.alert} has no place in the view (SPEC §3.1); it is only
 * an event.
 */
public final class ExecutionViewProjector {
  private ExecutionViewProjector() {}

  /** Folds {@code event} without knowledge of nested nodes: they get no type or level. */
  public static ExecutionView apply(ExecutionView view, RunEvent event) {
    return apply(view, event, NestedNodes.NONE);
  }

  /**
   * Folds {@code event}; a node first met in it (a nested node under its path id) takes its type
   * and level from {@code plan}.
   */
  public static ExecutionView apply(ExecutionView view, RunEvent event, NestedNodes plan) {
    if (view.status().isTerminal()) {
      return isRetry(view, event) ? retried(view, event) : view;
    }
    JsonNode data = event.data();
    return switch (event.eventType()) {
      case WORKFLOW_STARTED -> started(view, event);
      case WORKFLOW_PAUSED -> withStatus(view, ExecutionStatus.PAUSED);
      case WORKFLOW_RESUMED -> withStatus(view, ExecutionStatus.RUNNING);
      case WORKFLOW_COMPLETED -> finished(view, event, true, null);
      case WORKFLOW_FAILED -> finished(view, event, false, joinLines(data.path("errors")));
      case WORKFLOW_CANCELLED -> cancelled(view, event);
      case NODE_QUEUED ->
          node(
              view,
              event,
              plan,
              n ->
                  n.withStatus(NodeStatus.QUEUED, attempt(data))
                      .withLevel(optionalInt(data, "level")));
      case NODE_STARTED ->
          node(view, event, plan, n -> n.started(attempt(data), event.timestamp()));
      case NODE_RETRYING ->
          node(view, event, plan, n -> n.retrying(attempt(data), text(data, "error")));
      case NODE_WAITING -> node(view, event, plan, n -> n.waiting(event.timestamp()));
      case NODE_COMPLETED -> nodeCompleted(view, event, plan);
      case NODE_FAILED ->
          node(
              view,
              event,
              plan,
              n ->
                  n.ended(
                      NodeStatus.FAILED,
                      attempt(data),
                      text(data, "error"),
                      optionalLong(data, "duration_ms"),
                      event.timestamp()));
      case NODE_SKIPPED ->
          node(
              view,
              event,
              plan,
              n -> n.ended(NodeStatus.SKIPPED, 0, text(data, "reason"), null, event.timestamp()));
      case RESOURCE_TOKEN_UPDATE -> tokens(view, data);
      case RESOURCE_COST_UPDATE -> cost(view, data);
      case LEVEL_STARTED, LEVEL_COMPLETED, NODE_ALERT, NODE_TOKEN_DELTA -> view;
    };
  }

  private static ExecutionView started(ExecutionView view, RunEvent event) {
    Map<String, NodeView> nodes = new LinkedHashMap<>(view.nodes());
    Iterator<Map.Entry<String, JsonNode>> declared = event.data().path("nodes").fields();
    while (declared.hasNext()) {
      Map.Entry<String, JsonNode> entry = declared.next();
      nodes.computeIfAbsent(
          entry.getKey(),
          id ->
              NodeView.pending(
                  text(entry.getValue(), "type"), optionalInt(entry.getValue(), "level")));
    }
    return view.with(
        ExecutionStatus.RUNNING, view.result(), nodes, view.usage(), event.timestamp(), null);
  }

  private static boolean isRetry(ExecutionView view, RunEvent event) {
    return view.status() == ExecutionStatus.FAILED
        && event.eventType() == RunEventType.WORKFLOW_RESUMED
        && "retry".equals(text(event.data(), "reason"));
  }

  /**
   * Reopens a failed execution: running again, no result or end yet, and every node the scheduler
   * re-runs back to pending (its attempts kept, since attempt numbers continue).
   */
  private static ExecutionView retried(ExecutionView view, RunEvent event) {
    Map<String, NodeView> nodes = new LinkedHashMap<>(view.nodes());
    for (JsonNode reset : event.data().path("reset_nodes")) {
      nodes.computeIfPresent(
          reset.asText(),
          (id, n) ->
              NodeView.pending(n.type(), n.level()).withStatus(NodeStatus.PENDING, n.attempts()));
    }
    return view.with(
        ExecutionStatus.RUNNING, RunResult.open(), nodes, view.usage(), view.startedAt(), null);
  }

  private static ExecutionView withStatus(ExecutionView view, ExecutionStatus status) {
    return view.with(status, view.result(), view.nodes(), view.usage(), view.startedAt(), null);
  }

  private static ExecutionView finished(
      ExecutionView view, RunEvent event, boolean success, String error) {
    JsonNode data = event.data();
    Map<String, JsonNode> output = new LinkedHashMap<>();
    data.path("output").fields().forEachRemaining(e -> output.put(e.getKey(), e.getValue()));
    UsageView usage = data.has("usage") ? usage(data.path("usage"), view.usage()) : view.usage();
    return view.with(
        success ? ExecutionStatus.COMPLETED : ExecutionStatus.FAILED,
        new RunResult(success, error, output),
        view.nodes(),
        usage,
        view.startedAt(),
        event.timestamp());
  }

  private static ExecutionView cancelled(ExecutionView view, RunEvent event) {
    Map<String, NodeView> nodes = new LinkedHashMap<>();
    view.nodes()
        .forEach(
            (id, n) ->
                nodes.put(
                    id,
                    n.status().isFinal()
                        ? n
                        : n.ended(NodeStatus.CANCELLED, 0, null, null, event.timestamp())));
    String reason = text(event.data(), "reason");
    RunResult result =
        new RunResult(
            false, reason == null ? "Cancelled" : "Cancelled: " + reason, view.result().output());
    return view.with(
        ExecutionStatus.CANCELLED,
        result,
        nodes,
        view.usage(),
        view.startedAt(),
        event.timestamp());
  }

  private static ExecutionView nodeCompleted(ExecutionView view, RunEvent event, NestedNodes plan) {
    JsonNode data = event.data();
    JsonNode usage = data.hasNonNull("usage") ? data.get("usage") : null;
    BigDecimal cost = usage == null ? null : decimal(usage.path("cost_usd"));
    ExecutionView next =
        node(
            view,
            event,
            plan,
            n ->
                n.completed(
                    attempt(data),
                    data.get("output"),
                    optionalLong(data, "duration_ms"),
                    usage,
                    cost,
                    data.path("cache_hit").asBoolean(false),
                    event.timestamp()));
    UsageView total = next.usage();
    boolean tool = "tool".equals(next.nodes().get(event.nodeId()).type());
    UsageView counted =
        new UsageView(
            total.promptTokens(),
            total.completionTokens(),
            total.totalTokens(),
            total.costUsd(),
            total.llmCalls() + (usage == null ? 0 : usage.path("llm_calls").asLong(0)),
            total.toolExecutions() + (tool ? 1 : 0));
    return next.with(next.status(), next.result(), next.nodes(), counted, next.startedAt(), null);
  }

  private static ExecutionView node(
      ExecutionView view,
      RunEvent event,
      NestedNodes plan,
      java.util.function.UnaryOperator<NodeView> change) {
    if (event.nodeId() == null) {
      return view;
    }
    Map<String, NodeView> nodes = new LinkedHashMap<>(view.nodes());
    NodeView current = nodes.get(event.nodeId());
    if (current == null) {
      current = plan.pending(event.nodeId());
    }
    if (current.status().isFinal()) {
      return view;
    }
    nodes.put(event.nodeId(), change.apply(current));
    ExecutionStatus status =
        view.status() == ExecutionStatus.PENDING ? ExecutionStatus.RUNNING : view.status();
    return view.with(status, view.result(), nodes, view.usage(), view.startedAt(), null);
  }

  private static ExecutionView tokens(ExecutionView view, JsonNode data) {
    UsageView u = view.usage();
    return view.with(
        view.status(),
        view.result(),
        view.nodes(),
        new UsageView(
            data.path("prompt_tokens").asLong(u.promptTokens()),
            data.path("completion_tokens").asLong(u.completionTokens()),
            data.path("total_tokens").asLong(u.totalTokens()),
            u.costUsd(),
            u.llmCalls(),
            u.toolExecutions()),
        view.startedAt(),
        null);
  }

  private static ExecutionView cost(ExecutionView view, JsonNode data) {
    UsageView u = view.usage();
    BigDecimal cost = data.has("cost_usd") ? decimal(data.get("cost_usd")) : u.costUsd();
    return view.with(
        view.status(),
        view.result(),
        view.nodes(),
        new UsageView(
            u.promptTokens(),
            u.completionTokens(),
            u.totalTokens(),
            cost,
            u.llmCalls(),
            u.toolExecutions()),
        view.startedAt(),
        null);
  }

  private static UsageView usage(JsonNode usage, UsageView before) {
    return new UsageView(
        usage.path("prompt_tokens").asLong(before.promptTokens()),
        usage.path("completion_tokens").asLong(before.completionTokens()),
        usage.path("total_tokens").asLong(before.totalTokens()),
        usage.has("cost_usd") ? decimal(usage.get("cost_usd")) : before.costUsd(),
        usage.path("llm_calls").asLong(before.llmCalls()),
        usage.path("tool_executions").asLong(before.toolExecutions()));
  }

  private static String joinLines(JsonNode errors) {
    String joined =
        StreamSupport.stream(errors.spliterator(), false)
            .map(JsonNode::asText)
            .collect(Collectors.joining("\n"));
    return joined.isEmpty() ? "Execution failed" : joined;
  }

  private static int attempt(JsonNode data) {
    return data.path("attempt").asInt(0);
  }

  private static String text(JsonNode data, String field) {
    JsonNode value = data.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Integer optionalInt(JsonNode data, String field) {
    JsonNode value = data.get(field);
    return value == null || !value.canConvertToInt() ? null : value.asInt();
  }

  private static Long optionalLong(JsonNode data, String field) {
    JsonNode value = data.get(field);
    return value == null || !value.isNumber() ? null : value.asLong();
  }

  private static BigDecimal decimal(JsonNode value) {
    return value == null || !value.isNumber() ? BigDecimal.ZERO : value.decimalValue();
  }
}
