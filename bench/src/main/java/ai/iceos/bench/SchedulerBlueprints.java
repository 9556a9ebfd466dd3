package ai.iceos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Blueprints of no-op ({@code constant} tool) nodes in the shapes the scheduler benchmark runs. */
final class SchedulerBlueprints {
  private SchedulerBlueprints() {}

  /** n nodes, each depending on the previous one. */
  static JsonNode chain(int n) {
    ObjectNode blueprint = blueprint();
    ArrayNode nodes = (ArrayNode) blueprint.get("nodes");
    for (int i = 0; i < n; i++) {
      ObjectNode node = constant(nodes, "n" + i);
      if (i > 0) {
        node.putArray("dependencies").add("n" + (i - 1));
      }
    }
    return blueprint;
  }

  /** a → b, c, d → e. */
  static JsonNode diamond() {
    ObjectNode blueprint = blueprint();
    ArrayNode nodes = (ArrayNode) blueprint.get("nodes");
    constant(nodes, "a");
    for (String id : new String[] {"b", "c", "d"}) {
      constant(nodes, id).putArray("dependencies").add("a");
    }
    constant(nodes, "e").putArray("dependencies").add("b").add("c").add("d");
    return blueprint;
  }

  /** n independent nodes. */
  static JsonNode wide(int n) {
    ObjectNode blueprint = blueprint();
    ArrayNode nodes = (ArrayNode) blueprint.get("nodes");
    for (int i = 0; i < n; i++) {
      constant(nodes, "n" + i);
    }
    return blueprint;
  }

  /** A loop over {@code inputs.items} whose body (one no-op node) runs as parallel tasks. */
  static JsonNode parallelLoop() {
    ObjectNode blueprint = blueprint();
    ArrayNode nodes = (ArrayNode) blueprint.get("nodes");
    ObjectNode loop = nodes.addObject().put("id", "loop").put("type", "loop");
    loop.put("items_source", "inputs.items").put("parallel", true).put("max_iterations", 1000);
    ArrayNode body = loop.putArray("body");
    constant(body, "item");
    return blueprint;
  }

  private static ObjectNode blueprint() {
    ObjectNode blueprint = IceosClient.JSON.createObjectNode();
    blueprint.put("schema_version", "1.2.0");
    // The node output cache (SPEC 2.7) would serve every repeated no-op node and measure nothing.
    blueprint.put("cache", false);
    blueprint.putArray("nodes");
    return blueprint;
  }

  private static ObjectNode constant(ArrayNode nodes, String id) {
    ObjectNode node = nodes.addObject().put("id", id).put("type", "tool");
    node.put("tool_name", "constant");
    node.putObject("tool_args").put("value", 1);
    return node;
  }
}
