package ai.iceos.blueprint.partial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Rule-based next-node suggestions for a partial blueprint: what usually follows the nodes so far.
 * Each template is a complete node that depends on the last node and has an id not yet used.
 */
public final class PartialSuggestions {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private PartialSuggestions() {}

  /**
   * A suggestion.
   *
   * @param template a node ready for {@code add_node}
   */
  public record Suggestion(String type, String reason, double confidence, JsonNode template) {}

  /**
   * At most {@code topK} suggestions, most confident first.
   *
   * @param allowedTypes only these node types, or every type when empty
   */
  public static List<Suggestion> suggest(JsonNode nodes, Set<String> allowedTypes, int topK) {
    List<Suggestion> all = new ArrayList<>();
    String last = nodes.isEmpty() ? null : nodes.get(nodes.size() - 1).path("id").asText();
    if (last == null) {
      all.add(tool(nodes, null, "start by loading the data to work on", 0.6));
      all.add(llm(nodes, null, "start with a prompt", 0.4));
    } else {
      boolean hasLlm = has(nodes, "llm");
      if (!hasLlm) {
        all.add(llm(nodes, last, "let a model work on the output of " + last, 0.7));
      } else {
        all.add(condition(nodes, last, "branch on the model's answer", 0.4));
        if (!has(nodes, "human")) {
          all.add(human(nodes, last, "let a person approve before anything is acted on", 0.3));
        }
      }
      all.add(tool(nodes, last, "process the output of " + last + " with a tool", 0.2));
    }
    return all.stream()
        .filter(s -> allowedTypes.isEmpty() || allowedTypes.contains(s.type()))
        .sorted(Comparator.comparingDouble(Suggestion::confidence).reversed())
        .limit(topK)
        .toList();
  }

  private static Suggestion tool(JsonNode nodes, String after, String reason, double confidence) {
    ObjectNode node = node(nodes, "load", "tool", after);
    node.put("tool_name", "csv_loader");
    node.putObject("tool_args");
    return new Suggestion("tool", reason, confidence, node);
  }

  private static Suggestion llm(JsonNode nodes, String after, String reason, double confidence) {
    ObjectNode node = node(nodes, "summarize", "llm", after);
    node.put("model", "gpt-4o-mini");
    node.put("prompt", after == null ? "{{ inputs.question }}" : "Summarize: {{ " + after + " }}");
    return new Suggestion("llm", reason, confidence, node);
  }

  private static Suggestion condition(
      JsonNode nodes, String after, String reason, double confidence) {
    ObjectNode node = node(nodes, "check", "condition", after);
    node.put("expression", after + ".text != ''");
    return new Suggestion("condition", reason, confidence, node);
  }

  private static Suggestion human(JsonNode nodes, String after, String reason, double confidence) {
    ObjectNode node = node(nodes, "approve", "human", after);
    node.put("prompt_message", "Approve the result of " + after + "?");
    return new Suggestion("human", reason, confidence, node);
  }

  private static ObjectNode node(JsonNode nodes, String base, String type, String after) {
    ObjectNode node = JSON.objectNode();
    node.put("id", freeId(nodes, base));
    node.put("type", type);
    if (after != null) {
      node.putArray("dependencies").add(after);
    }
    return node;
  }

  private static String freeId(JsonNode nodes, String base) {
    String id = base;
    for (int n = 2; used(nodes, id); n++) {
      id = base + "_" + n;
    }
    return id;
  }

  private static boolean used(JsonNode nodes, String id) {
    for (JsonNode node : nodes) {
      if (id.equals(node.path("id").asText())) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(JsonNode nodes, String type) {
    for (JsonNode node : nodes) {
      if (type.equals(node.path("type").asText())) {
        return true;
      }
    }
    return false;
  }
}
