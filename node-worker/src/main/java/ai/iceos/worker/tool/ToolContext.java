package ai.iceos.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which attempt a tool runs for, and the node's scope (SPEC §1.4) for tools that read their
 * surroundings rather than only their arguments.
 *
 * <p>Inside a loop body the scope holds the current item under the loop's {@code item_var}, {@code
 * loop_index} (0-based) and {@code loop_items} (every item of the loop), so a stateless tool can
 * still reason about the items before the current one.
 *
 * @param orgId the owning organisation, or null when the task carries none
 * @param attempt 1 for the first attempt of the node in this execution
 * @param scope the node's template scope; an object, empty when the task carries none
 * @param dependencies ids of the node's direct dependencies, in declared order
 */
public record ToolContext(
    String executionId,
    String nodeId,
    String taskId,
    String orgId,
    int attempt,
    JsonNode scope,
    List<String> dependencies) {
  /** Scope name of the current item's position inside a loop body. */
  public static final String LOOP_INDEX = "loop_index";

  /** Scope name of every item of the enclosing loop. */
  public static final String LOOP_ITEMS = "loop_items";

  public ToolContext {
    scope =
        scope != null && scope.isObject()
            ? scope.deepCopy()
            : JsonNodeFactory.instance.objectNode();
    dependencies = List.copyOf(Objects.requireNonNullElse(dependencies, List.of()));
  }

  /** A context without scope, for tools that need only the attempt. */
  public ToolContext(String executionId, String nodeId, String taskId, String orgId, int attempt) {
    this(executionId, nodeId, taskId, orgId, attempt, null, List.of());
  }

  /** The scope value of a top-level name; absent when missing or JSON null. */
  public Optional<JsonNode> scopeValue(String name) {
    JsonNode value = scope.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** The outputs of the direct dependencies that the scope holds, in declared order. */
  public List<JsonNode> dependencyOutputs() {
    List<JsonNode> outputs = new ArrayList<>();
    for (String id : dependencies) {
      scopeValue(id).ifPresent(outputs::add);
    }
    return outputs;
  }

  /** The current item's 0-based position in its loop, when the node runs in a loop body. */
  public Optional<Integer> loopIndex() {
    return scopeValue(LOOP_INDEX).filter(JsonNode::canConvertToInt).map(JsonNode::intValue);
  }

  /** Every item of the enclosing loop, when the node runs in a loop body. */
  public List<JsonNode> loopItems() {
    List<JsonNode> items = new ArrayList<>();
    scopeValue(LOOP_ITEMS).filter(JsonNode::isArray).ifPresent(list -> list.forEach(items::add));
    return items;
  }
}
