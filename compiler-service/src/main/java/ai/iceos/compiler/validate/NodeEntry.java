package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One element of {@code /nodes} that is a JSON object, as submitted. Accessors return a value only
 * when the field has the expected JSON type; wrong types are reported by {@link JsonTypeRule}.
 *
 * @param index position in {@code /nodes}
 * @param json the node object
 */
record NodeEntry(int index, ObjectNode json) {

  /** A textual dependency and its position in {@code dependencies}. */
  record Dependency(int index, String id, String pointer) {}

  String pointer() {
    return JsonPointer.child("/nodes", index);
  }

  String pointer(String field) {
    return JsonPointer.child(pointer(), field);
  }

  Optional<String> id() {
    return text("id");
  }

  Optional<String> typeName() {
    return text("type");
  }

  /** The node's type when {@code type} names one of the twelve types. */
  Optional<NodeType> type() {
    return typeName().flatMap(NodeType::fromWireName);
  }

  /** "Node 'fetch'", or "The node at /nodes/3" when it has no usable id. */
  String label() {
    return id().map(id -> "Node '" + id + "'").orElse("The node at " + pointer());
  }

  /** The field when present and not JSON null. */
  Optional<JsonNode> field(String name) {
    JsonNode value = json.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  Optional<String> text(String name) {
    return field(name).filter(JsonNode::isTextual).map(JsonNode::asText);
  }

  Optional<ObjectNode> object(String name) {
    return field(name).filter(JsonNode::isObject).map(ObjectNode.class::cast);
  }

  /** The entries of an object field; none when it is absent or not an object. */
  Set<Map.Entry<String, JsonNode>> entries(String name) {
    return object(name).map(ObjectNode::properties).orElse(Set.of());
  }

  /** The textual entries of {@code dependencies}, with their positions. */
  List<Dependency> dependencies() {
    List<Dependency> deps = new ArrayList<>();
    field("dependencies")
        .filter(JsonNode::isArray)
        .ifPresent(
            array -> {
              for (int j = 0; j < array.size(); j++) {
                if (array.get(j).isTextual()) {
                  String pointer = JsonPointer.child(pointer("dependencies"), j);
                  deps.add(new Dependency(j, array.get(j).asText(), pointer));
                }
              }
            });
    return deps;
  }
}
