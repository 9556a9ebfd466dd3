package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.InputMapping;
import ai.iceos.contracts.blueprint.NodeSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;

/**
 * The template scope of a node (SPEC §1.4), sent with each task: every run input flattened at the
 * top level, {@code inputs}, the output of each direct dependency under its id, the {@code
 * input_mappings} names and {@code execution}. Later entries win on a name clash, so the reserved
 * names {@code inputs} and {@code execution} always mean what the spec says.
 *
 * <p>A dependency without an output (failed under {@code always_continue}) and a mapping whose path
 * does not resolve are {@code null}: the name is defined, and a template that needs its value fails
 * that node on the worker.
 */
public final class TaskScope {
  private TaskScope() {}

  /**
   * @param outputOf the output of a node of the execution, or null when it has none
   */
  public static ObjectNode of(
      String executionId,
      String blueprintId,
      JsonNode inputs,
      NodeSpec node,
      Function<String, JsonNode> outputOf) {
    ObjectNode scope = JsonNodeFactory.instance.objectNode();
    if (inputs != null && inputs.isObject()) {
      inputs.properties().forEach(field -> scope.set(field.getKey(), field.getValue()));
    }
    scope.set("inputs", inputs == null ? JsonNodeFactory.instance.objectNode() : inputs);
    within(scope, node, outputOf);
    scope.putObject("execution").put("id", executionId).put("blueprint_id", blueprintId);
    return scope;
  }

  /**
   * Adds a node's direct dependencies and input mappings to {@code base} (a nested node's frame
   * scope, which already holds {@code inputs} and {@code execution}) and returns it.
   *
   * @param outputOf the output of a node of the same graph by its id, or null when it has none
   */
  public static ObjectNode within(
      ObjectNode base, NodeSpec node, Function<String, JsonNode> outputOf) {
    ObjectNode scope = base;
    for (String dependency : node.dependencies()) {
      scope.set(dependency, orNull(outputOf.apply(dependency)));
    }
    for (Map.Entry<String, InputMapping> mapping : node.inputMappings().entrySet()) {
      JsonNode source = outputOf.apply(mapping.getValue().sourceNodeId());
      scope.set(mapping.getKey(), resolve(source, mapping.getValue().sourceOutputKey()));
    }
    return scope;
  }

  /**
   * Follows a dotted path ({@code a.b.0.c}) into a JSON value: object keys, and list indexes for
   * arrays. {@code ""} is the whole value. A missing step gives {@code null}.
   */
  public static JsonNode resolve(JsonNode value, String dottedPath) {
    JsonNode current = orNull(value);
    if (dottedPath == null || dottedPath.isEmpty()) {
      return current;
    }
    for (String segment : dottedPath.split("\\.", -1)) {
      current = step(current, segment);
    }
    return current;
  }

  private static JsonNode step(JsonNode current, String segment) {
    JsonNode next = null;
    if (current.isObject()) {
      next = current.get(segment);
    } else if (current.isArray() && segment.matches("\\d{1,9}")) {
      next = current.get(Integer.parseInt(segment));
    }
    return orNull(next);
  }

  private static JsonNode orNull(JsonNode value) {
    return value == null ? NullNode.instance : value;
  }
}
