package ai.iceos.worker.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a node's {@code output_mappings} (SPEC §1.2): each alias is added to the node's output
 * object with the value at its dotted path ({@code ""} is the whole output; a number reads an array
 * index; an unresolvable path gives {@code null}).
 */
public final class OutputMappings {
  private OutputMappings() {}

  /** The output with aliases added; a non-object output is returned unchanged. */
  public static JsonNode apply(JsonNode output, Map<String, String> mappings) {
    if (mappings.isEmpty() || !output.isObject()) {
      return output;
    }
    ObjectNode mapped = ((ObjectNode) output).deepCopy();
    new TreeMap<>(mappings).forEach((alias, path) -> mapped.set(alias, resolve(output, path)));
    return mapped;
  }

  /** The value at {@code path} in {@code root}, or JSON null. */
  public static JsonNode resolve(JsonNode root, String path) {
    if (path == null || path.isEmpty()) {
      return root.deepCopy();
    }
    JsonNode current = root;
    for (String segment : path.split("\\.", -1)) {
      current = step(current, segment);
      if (current == null) {
        return NullNode.getInstance();
      }
    }
    return current.deepCopy();
  }

  private static JsonNode step(JsonNode node, String segment) {
    if (node.isObject()) {
      return node.get(segment);
    }
    if (node.isArray() && segment.matches("\\d{1,9}")) {
      return node.get(Integer.parseInt(segment));
    }
    return null;
  }
}
