package ai.iceos.blueprint.partial;

import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One authoring step on a partial blueprint's nodes: {@code add_node} ({@code node}), {@code
 * remove_node} ({@code node_id}) or {@code update_node} ({@code node_id}, {@code updates} merged
 * into the node's top-level fields; the id cannot change).
 */
public final class PartialEdit {
  private PartialEdit() {}

  /** What an edit gives. */
  public sealed interface Result {}

  public record Edited(ArrayNode nodes) implements Result {}

  /** The edit itself is wrong; pointers refer to the request body. */
  public record Refused(Violation violation) implements Result {}

  public static Result apply(ArrayNode current, JsonNode edit) {
    ArrayNode nodes = current.deepCopy();
    String action = edit.path("action").asText("");
    return switch (action) {
      case "add_node" -> add(nodes, edit.path("node"));
      case "remove_node" -> remove(nodes, edit.path("node_id").asText(""));
      case "update_node" -> update(nodes, edit.path("node_id").asText(""), edit.path("updates"));
      default ->
          refused(
              "/action", "unknown-action", "action must be add_node, remove_node or update_node");
    };
  }

  private static Result add(ArrayNode nodes, JsonNode node) {
    if (!node.isObject() || !node.path("id").isTextual()) {
      return refused("/node", "missing-node", "add_node needs a node object with an id");
    }
    if (indexOf(nodes, node.path("id").asText()) >= 0) {
      return refused("/node/id", "duplicate-id", "a node with this id exists; use update_node");
    }
    nodes.add(node.deepCopy());
    return new Edited(nodes);
  }

  private static Result remove(ArrayNode nodes, String id) {
    int at = indexOf(nodes, id);
    if (at < 0) {
      return refused("/node_id", "unknown-node", "no node has id '" + id + "'");
    }
    nodes.remove(at);
    return new Edited(nodes);
  }

  private static Result update(ArrayNode nodes, String id, JsonNode updates) {
    int at = indexOf(nodes, id);
    if (at < 0) {
      return refused("/node_id", "unknown-node", "no node has id '" + id + "'");
    }
    if (!updates.isObject()) {
      return refused("/updates", "type", "updates must be an object of node fields");
    }
    if (updates.has("id") && !id.equals(updates.path("id").asText())) {
      return refused("/updates/id", "immutable", "a node's id cannot change; remove and add it");
    }
    ((ObjectNode) nodes.get(at)).setAll((ObjectNode) updates.deepCopy());
    return new Edited(nodes);
  }

  static int indexOf(ArrayNode nodes, String id) {
    for (int i = 0; i < nodes.size(); i++) {
      if (id.equals(nodes.get(i).path("id").asText(null))) {
        return i;
      }
    }
    return -1;
  }

  private static Result refused(String pointer, String code, String detail) {
    return new Refused(new Violation(pointer, code, detail));
  }
}
