package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code invalid-json-type}: a known field (or a node, or a list element) of the wrong type. */
final class JsonTypeRule implements BlueprintRule {
  static final String CODE = "invalid-json-type";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    fields(document.root(), "", FieldCatalog.TOP_LEVEL, "The blueprint's", out);
    document
        .field("limits")
        .ifPresent(limits -> fields(limits, "/limits", FieldCatalog.LIMITS, "Limits'", out));
    document
        .field("metadata")
        .ifPresent(
            metadata ->
                fields(
                    metadata,
                    "/metadata",
                    Map.of("failure_policy", JsonKind.STRING),
                    "Metadata's",
                    out));
    nodeElements(document, out);
    for (NodeEntry node : document.nodes()) {
      node(node, out);
    }
    return out;
  }

  /** Every element of a node list (top-level or nested) must be a node object. */
  private static void nodeElements(BlueprintDocument document, List<Violation> out) {
    for (NodeGraph graph : document.graphs()) {
      JsonNode array = graph.array();
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        if (!element.isObject()) {
          String where = graph.owner().map(o -> o.label() + ": element ").orElse("Node ");
          String list = graph.pointer().substring(graph.pointer().lastIndexOf('/') + 1);
          String detail =
              where
                  + i
                  + " of '"
                  + (graph.kind() == NodeGraph.Kind.PARALLEL_BRANCH ? "branches" : list)
                  + "' must be an object, not "
                  + JsonKind.describe(element)
                  + ".";
          out.add(new Violation(JsonPointer.child(graph.pointer(), i), CODE, detail));
        }
      }
    }
  }

  private static void node(NodeEntry node, List<Violation> out) {
    Optional<NodeType> type = node.type();
    String subject = node.label() + ":";
    for (Map.Entry<String, JsonNode> e : node.json().properties()) {
      Optional<JsonKind> kind =
          type.isPresent()
              ? FieldCatalog.nodeField(type.get(), e.getKey())
              : Optional.ofNullable(FieldCatalog.NODE_COMMON.get(e.getKey()));
      kind.ifPresent(
          k -> field(e.getValue(), node.pointer(e.getKey()), e.getKey(), k, subject, out));
    }
    for (Map.Entry<String, JsonKind> e : FieldCatalog.ELEMENTS.entrySet()) {
      boolean ownField =
          type.isPresent()
              ? FieldCatalog.nodeField(type.get(), e.getKey()).isPresent()
              : FieldCatalog.NODE_COMMON.containsKey(e.getKey());
      if (ownField) {
        elements(node, e.getKey(), e.getValue(), out);
      }
    }
    swarmAgents(node, subject, out);
    Optional<ObjectNode> policy = node.object("retry_policy");
    if (policy.isPresent()) {
      String pointer = node.pointer("retry_policy");
      fields(policy.get(), pointer, FieldCatalog.RETRY_POLICY, subject + " retry_policy", out);
    }
    for (Map.Entry<String, JsonNode> e : node.entries("output_mappings")) {
      String pointer = JsonPointer.child(node.pointer("output_mappings"), e.getKey());
      String name = "output_mappings." + e.getKey();
      field(e.getValue(), pointer, name, JsonKind.STRING, subject, out);
    }
    for (Map.Entry<String, JsonNode> e : node.entries("input_mappings")) {
      String pointer = JsonPointer.child(node.pointer("input_mappings"), e.getKey());
      String name = "input_mappings." + e.getKey();
      if (field(e.getValue(), pointer, name, JsonKind.OBJECT, subject, out)) {
        fields(e.getValue(), pointer, FieldCatalog.INPUT_MAPPING, subject + " " + name, out);
      }
    }
  }

  private static void swarmAgents(NodeEntry node, String subject, List<Violation> out) {
    if (!node.is(NodeType.SWARM)) {
      return;
    }
    JsonNode agents = node.field("agents").orElse(null);
    if (agents == null || !agents.isArray()) {
      return;
    }
    for (int j = 0; j < agents.size(); j++) {
      if (agents.get(j).isObject()) {
        String pointer = JsonPointer.child(node.pointer("agents"), j);
        fields(
            agents.get(j), pointer, FieldCatalog.SWARM_AGENT, subject + " agents[" + j + "]", out);
      }
    }
  }

  private static void elements(NodeEntry node, String field, JsonKind kind, List<Violation> out) {
    node.field(field)
        .filter(JsonNode::isArray)
        .ifPresent(
            array -> {
              for (int j = 0; j < array.size(); j++) {
                String name = field + "[" + j + "]";
                field(
                    array.get(j),
                    JsonPointer.child(node.pointer(field), j),
                    name,
                    kind,
                    node.label() + ":",
                    out);
              }
            });
  }

  private static void fields(
      JsonNode object,
      String pointer,
      Map<String, JsonKind> kinds,
      String subject,
      List<Violation> out) {
    kinds.forEach(
        (name, kind) -> {
          JsonNode value = object.get(name);
          if (value != null) {
            field(value, JsonPointer.child(pointer, name), name, kind, subject, out);
          }
        });
  }

  /** Reports {@code value} if it is not null and not of {@code kind}; true when it is of it. */
  private static boolean field(
      JsonNode value,
      String pointer,
      String name,
      JsonKind kind,
      String subject,
      List<Violation> out) {
    if (value.isNull()) {
      return false;
    }
    if (kind.accepts(value)) {
      return true;
    }
    String detail =
        subject
            + " field '"
            + name
            + "' must be "
            + kind.description()
            + ", not "
            + JsonKind.describe(value)
            + ".";
    out.add(new Violation(pointer, CODE, detail));
    return false;
  }
}
