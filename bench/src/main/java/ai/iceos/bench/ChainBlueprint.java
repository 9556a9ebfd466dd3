package ai.iceos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An n-node chain of {@code echo} tool nodes, each templating its predecessor's output. */
final class ChainBlueprint {
  private ChainBlueprint() {}

  static JsonNode of(int nodes) {
    ObjectNode blueprint = IceosClient.JSON.createObjectNode();
    blueprint.put("schema_version", "1.2.0");
    // The node output cache (SPEC 2.7) would serve every repeated run's nodes and measure nothing.
    blueprint.put("cache", false);
    ArrayNode list = blueprint.putArray("nodes");
    for (int i = 0; i < nodes; i++) {
      ObjectNode node = list.addObject().put("id", "n" + i).put("type", "tool");
      node.put("tool_name", "echo");
      ObjectNode args = node.putObject("tool_args");
      if (i == 0) {
        args.put("value", "{{ inputs.seed }}");
      } else {
        node.putArray("dependencies").add("n" + (i - 1));
        args.put("value", "{{ n" + (i - 1) + ".value }}");
      }
    }
    return blueprint;
  }
}
