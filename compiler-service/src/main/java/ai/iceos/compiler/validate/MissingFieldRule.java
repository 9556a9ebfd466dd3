package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code missing-field}: {@code nodes} absent or empty; a node without {@code id} or {@code type}
 * or without its type's required fields; an input mapping without {@code source_node_id}. A field
 * set to JSON null counts as missing.
 */
final class MissingFieldRule implements BlueprintRule {
  static final String CODE = "missing-field";

  private static final Map<NodeType, List<String>> REQUIRED =
      Map.of(NodeType.TOOL, List.of("tool_name"), NodeType.LLM, List.of("model", "prompt"));

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    Optional<JsonNode> nodes = document.field("nodes");
    if (nodes.isEmpty()) {
      out.add(
          new Violation("", CODE, "The blueprint has no 'nodes'; at least one node is required."));
    } else if (nodes.get().isArray() && nodes.get().isEmpty()) {
      out.add(
          new Violation(
              "/nodes", CODE, "The blueprint's 'nodes' is empty; at least one node is required."));
    }
    for (NodeEntry node : document.nodes()) {
      node(node, out);
    }
    return out;
  }

  private static void node(NodeEntry node, List<Violation> out) {
    require(node, "id", "every node needs one", out);
    require(node, "type", "every node needs one", out);
    node.type()
        .map(type -> REQUIRED.getOrDefault(type, List.of()))
        .ifPresent(
            fields ->
                fields.forEach(
                    field ->
                        require(
                            node, field, node.typeName().orElseThrow() + " nodes need it", out)));
    for (Map.Entry<String, JsonNode> e : node.entries("input_mappings")) {
      JsonNode source = e.getValue().get("source_node_id");
      if (e.getValue().isObject() && (source == null || source.isNull())) {
        String detail =
            node.label() + ": input mapping '" + e.getKey() + "' has no 'source_node_id'.";
        String pointer = JsonPointer.child(node.pointer("input_mappings"), e.getKey());
        out.add(new Violation(pointer, CODE, detail));
      }
    }
  }

  private static void require(NodeEntry node, String field, String why, List<Violation> out) {
    if (node.field(field).isEmpty()) {
      String detail = node.label() + " has no '" + field + "'; " + why + ".";
      out.add(new Violation(node.pointer(), CODE, detail));
    }
  }
}
