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
 * dependency of the node (SPEC §1.2): a node only sees its direct dependencies' outputs. {@code
 * unknown-output-key}: a mapping whose {@code source_output_key} starts with a key that the
 * source's declared {@code output_schema} does not have ({@link OutputKeys}).
 */
final class InputMappingRule implements BlueprintRule {
  static final String CODE = "invalid-input-mapping";
  static final String UNKNOWN_OUTPUT_KEY = "unknown-output-key";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeEntry node : document.nodes()) {
      Set<String> deps =
          node.dependencies().stream().map(NodeEntry.Dependency::id).collect(Collectors.toSet());
      for (Map.Entry<String, JsonNode> e : node.entries("input_mappings")) {
        JsonNode source = e.getValue().get("source_node_id");
        if (source == null || !source.isTextual()) {
          continue;
        }
        String mapping = JsonPointer.child(node.pointer("input_mappings"), e.getKey());
        if (!deps.contains(source.asText())) {
          String pointer = JsonPointer.child(mapping, "source_node_id");
          out.add(
              new Violation(pointer, CODE, detail(document, node, e.getKey(), source.asText())));
        } else {
          outputKey(node, e.getKey(), e.getValue(), source.asText(), mapping, out);
        }
      }
    }
    return out;
  }

  private static void outputKey(
      NodeEntry node,
      String name,
      JsonNode mapping,
      String source,
      String pointer,
      List<Violation> out) {
    JsonNode key = mapping.get("source_output_key");
    if (key == null || !key.isTextual() || key.asText().isEmpty()) {
      return;
    }
    String first = key.asText().split("[.\\[]", 2)[0];
    node.graph().nodes().stream()
        .filter(sibling -> sibling.id().filter(source::equals).isPresent())
        .findFirst()
        .flatMap(sibling -> OutputKeys.declared(sibling.json().get("output_schema")))
        .filter(keys -> !keys.contains(first))
        .ifPresent(
            keys ->
                out.add(
                    new Violation(
                        JsonPointer.child(pointer, "source_output_key"),
                        UNKNOWN_OUTPUT_KEY,
                        node.label()
                            + ": input mapping '"
                            + name
                            + "' reads '"
                            + first
                            + "' from '"
                            + source
                            + "', whose output_schema declares only "
                            + String.join(", ", keys.stream().sorted().toList())
                            + ".")));
  }

  private static String detail(
      BlueprintDocument document, NodeEntry node, String name, String source) {
    String where = node.label() + ": input mapping '" + name + "' reads from '" + source + "'";
    return document.node(source).isPresent()
        ? where + ", which is not a direct dependency of this node."
        : where + ", which is not a node of this blueprint.";
  }
}
