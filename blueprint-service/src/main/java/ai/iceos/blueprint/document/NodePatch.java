package ai.iceos.blueprint.document;

import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A PATCH of a blueprint's nodes: {@code {"nodes": [...]}} replaces the node with the same id or
 * appends it; {@code {"id": X, "type": "__delete__"}} removes node X. Only top-level nodes are
 * addressed; the result is compiled like any other revision.
 */
public final class NodePatch {
  public static final String DELETE = "__delete__";

  private NodePatch() {}

  /** The outcome of applying a patch. */
  public sealed interface Result {}

  /** The patched document. */
  public record Patched(JsonNode document) implements Result {}

  /** The patch itself is wrong; pointers refer to the patch body. */
  public record Unpatchable(List<Violation> violations) implements Result {
    public Unpatchable {
      violations = List.copyOf(violations);
    }
  }

  public static Result apply(JsonNode document, JsonNode patch) {
    List<Violation> problems = new ArrayList<>();
    Iterator<String> fields = patch.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (!"nodes".equals(field)) {
        problems.add(
            new Violation("/" + field, "unknown-field", "a patch has only 'nodes'; use PUT"));
      }
    }
    JsonNode changes = patch.path("nodes");
    if (!changes.isArray()) {
      problems.add(new Violation("/nodes", "type", "'nodes' must be an array of nodes"));
      return new Unpatchable(problems);
    }
    ObjectNode patched = document.deepCopy();
    ArrayNode nodes =
        patched.path("nodes").isArray()
            ? (ArrayNode) patched.get("nodes")
            : patched.putArray("nodes");
    for (int i = 0; i < changes.size(); i++) {
      change(nodes, changes.get(i), "/nodes/" + i, problems);
    }
    return problems.isEmpty() ? new Patched(patched) : new Unpatchable(problems);
  }

  private static void change(
      ArrayNode nodes, JsonNode change, String pointer, List<Violation> problems) {
    JsonNode id = change.path("id");
    if (!change.isObject() || !id.isTextual() || id.asText().isBlank()) {
      problems.add(new Violation(pointer + "/id", "missing-id", "each node needs a string 'id'"));
      return;
    }
    int at = indexOf(nodes, id.asText());
    if (DELETE.equals(change.path("type").asText())) {
      if (at < 0) {
        problems.add(
            new Violation(pointer + "/id", "unknown-node", "no node has id '" + id.asText() + "'"));
      } else {
        nodes.remove(at);
      }
    } else if (at < 0) {
      nodes.add(change.deepCopy());
    } else {
      nodes.set(at, change.deepCopy());
    }
  }

  private static int indexOf(ArrayNode nodes, String id) {
    for (int i = 0; i < nodes.size(); i++) {
      if (id.equals(nodes.get(i).path("id").asText(null))) {
        return i;
      }
    }
    return -1;
  }
}
