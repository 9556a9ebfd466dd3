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
 * One node object of the blueprint as submitted, top-level or nested (in a condition path, a loop
 * body or a parallel branch). Accessors return a value only when the field has the expected JSON
 * type; wrong types are reported by {@link JsonTypeRule}.
 *
 * @param pointer where the node is in the submitted document ({@code /nodes/1/body/0})
 * @param json the node object
 * @param graph the node list it belongs to
 */
record NodeEntry(String pointer, ObjectNode json, NodeGraph graph) {

  /** A textual dependency and its position in {@code dependencies}. */
  record Dependency(int index, String id, String pointer) {}

  String pointer(String field) {
    return JsonPointer.child(pointer, field);
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

  boolean is(NodeType type) {
    return type().filter(type::equals).isPresent();
  }

  /** "Node 'fetch'", or "The node at /nodes/3" when it has no usable id. */
  String label() {
    return id().map(id -> "Node '" + id + "'").orElse("The node at " + pointer);
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

  /** The textual dependencies, with their positions. */
  List<Dependency> dependencies() {
    return strings("dependencies");
  }

  /** The textual elements of an array field, with their positions. */
  List<Dependency> strings(String field) {
    List<Dependency> values = new ArrayList<>();
    field(field)
        .filter(JsonNode::isArray)
        .ifPresent(
            array -> {
              for (int j = 0; j < array.size(); j++) {
                if (array.get(j).isTextual()) {
                  String at = JsonPointer.child(pointer(field), j);
                  values.add(new Dependency(j, array.get(j).asText(), at));
                }
              }
            });
    return values;
  }
}
