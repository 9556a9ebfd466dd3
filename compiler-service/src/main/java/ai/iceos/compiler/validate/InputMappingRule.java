package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code invalid-input-mapping}: an input mapping whose {@code source_node_id} is not a direct
 * dependency of the node (SPEC §1.2): a node only sees its direct dependencies' outputs.
 */
final class InputMappingRule implements BlueprintRule {
  static final String CODE = "invalid-input-mapping";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeEntry node : document.nodes()) {
      Set<String> deps =
          node.dependencies().stream().map(NodeEntry.Dependency::id).collect(Collectors.toSet());
      for (Map.Entry<String, JsonNode> e : node.entries("input_mappings")) {
        JsonNode source = e.getValue().get("source_node_id");
        if (source != null && source.isTextual() && !deps.contains(source.asText())) {
          String mapping = JsonPointer.child(node.pointer("input_mappings"), e.getKey());
          String pointer = JsonPointer.child(mapping, "source_node_id");
          out.add(
              new Violation(pointer, CODE, detail(document, node, e.getKey(), source.asText())));
        }
      }
    }
    return out;
  }

  private static String detail(
      BlueprintDocument document, NodeEntry node, String name, String source) {
    String where = node.label() + ": input mapping '" + name + "' reads from '" + source + "'";
    return document.node(source).isPresent()
        ? where + ", which is not a direct dependency of this node."
        : where + ", which is not a node of this blueprint.";
  }
}
