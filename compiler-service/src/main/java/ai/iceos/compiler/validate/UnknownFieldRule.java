package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code unknown-field}: a field the format does not define, at the top level, in {@code limits},
 * in a node (common fields plus its type's, nested nodes included), in a {@code retry_policy}, in a
 * swarm agent or in an input mapping. Unknown fields are rejected rather than silently dropped
 * (SPEC §1.1, §1.2).
 */
final class UnknownFieldRule implements BlueprintRule {
  static final String CODE = "unknown-field";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    unknown(document.root(), "", FieldCatalog.TOP_LEVEL::containsKey, "The blueprint", out);
    document
        .field("limits")
        .filter(JsonNode::isObject)
        .ifPresent(
            limits -> unknown(limits, "/limits", FieldCatalog.LIMITS::containsKey, "Limits", out));
    for (NodeEntry node : document.nodes()) {
      node(node, out);
    }
    return out;
  }

  private static void node(NodeEntry node, List<Violation> out) {
    Optional<NodeType> type = node.type();
    Predicate<String> known =
        type.<Predicate<String>>map(t -> field -> FieldCatalog.nodeField(t, field).isPresent())
            .orElse(FieldCatalog::anyNodeField);
    String subject = node.label() + type.map(t -> " (" + t.wireName() + ")").orElse("");
    unknown(node.json(), node.pointer(), known, subject, out);
    node.object("retry_policy")
        .ifPresent(
            policy ->
                unknown(
                    policy,
                    node.pointer("retry_policy"),
                    FieldCatalog.RETRY_POLICY::containsKey,
                    node.label() + " retry_policy",
                    out));
    JsonNode agents = node.is(NodeType.SWARM) ? node.field("agents").orElse(null) : null;
    for (int j = 0; agents != null && agents.isArray() && j < agents.size(); j++) {
      if (agents.get(j).isObject()) {
        unknown(
            agents.get(j),
            JsonPointer.child(node.pointer("agents"), j),
            FieldCatalog.SWARM_AGENT::containsKey,
            node.label() + " agents[" + j + "]",
            out);
      }
    }
    for (Map.Entry<String, JsonNode> e : node.entries("input_mappings")) {
      if (e.getValue().isObject()) {
        unknown(
            e.getValue(),
            JsonPointer.child(node.pointer("input_mappings"), e.getKey()),
            FieldCatalog.INPUT_MAPPING::containsKey,
            node.label() + " input mapping '" + e.getKey() + "'",
            out);
      }
    }
  }

  private static void unknown(
      JsonNode object,
      String pointer,
      Predicate<String> known,
      String subject,
      List<Violation> out) {
    object
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.test(name)) {
                String detail = subject + " has unknown field '" + name + "'.";
                out.add(new Violation(JsonPointer.child(pointer, name), CODE, detail));
              }
            });
  }
}
