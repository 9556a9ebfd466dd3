package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The submitted blueprint object with the indexes every rule needs, built once per validation so
 * that no rule does quadratic work: its object nodes, the first position of each id, and (lazily)
 * every template string with its analysis.
 */
final class BlueprintDocument {
  private final ObjectNode root;
  private final List<NodeEntry> nodes;
  private final Map<String, NodeEntry> firstById;
  private final TemplateScanner scanner;
  private TemplateScanner.Batch batch;
  private List<TemplateString> templates;

  BlueprintDocument(ObjectNode root, TemplateScanner scanner) {
    this.root = root;
    this.scanner = scanner;
    this.nodes = objectNodes(root);
    this.firstById = new HashMap<>();
    for (NodeEntry node : nodes) {
      node.id().ifPresent(id -> firstById.putIfAbsent(id, node));
    }
  }

  ObjectNode root() {
    return root;
  }

  /** A top-level field when present and not JSON null. */
  Optional<JsonNode> field(String name) {
    JsonNode value = root.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** The elements of {@code /nodes} that are objects, in document order. */
  List<NodeEntry> nodes() {
    return nodes;
  }

  /** The first node with this id. */
  Optional<NodeEntry> node(String id) {
    return Optional.ofNullable(firstById.get(id));
  }

  /** Every template of every tool and llm node, in document order. */
  List<TemplateString> templates() {
    if (templates == null) {
      templates = new ArrayList<>();
      batch = scanner.batch();
      for (NodeEntry node : nodes) {
        collectTemplates(node);
      }
    }
    return templates;
  }

  private void collectTemplates(NodeEntry node) {
    Optional<NodeType> type = node.type();
    if (type.isEmpty()) {
      return;
    }
    switch (type.get()) {
      case LLM -> {
        addTemplate(node, node.json().get("prompt"), node.pointer("prompt"), "prompt");
        addTemplate(node, node.json().get("system"), node.pointer("system"), "system");
      }
      case TOOL ->
          node.object("tool_args")
              .ifPresent(args -> addTemplate(node, args, node.pointer("tool_args"), "tool_args"));
      default -> {
        // Other types are rejected as unsupported; their templates are not analysed yet.
      }
    }
  }

  private void addTemplate(NodeEntry node, JsonNode value, String pointer, String field) {
    if (value == null) {
      return;
    }
    if (value.isTextual()) {
      templates.add(new TemplateString(node, pointer, field, batch.scan(value.asText())));
    } else if (value.isObject()) {
      value
          .properties()
          .forEach(
              e ->
                  addTemplate(
                      node,
                      e.getValue(),
                      JsonPointer.child(pointer, e.getKey()),
                      field + "." + e.getKey()));
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        addTemplate(node, value.get(i), JsonPointer.child(pointer, i), field + "[" + i + "]");
      }
    }
  }

  private static List<NodeEntry> objectNodes(ObjectNode root) {
    JsonNode array = root.get("nodes");
    List<NodeEntry> entries = new ArrayList<>();
    if (array != null && array.isArray()) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isObject()) {
          entries.add(new NodeEntry(i, (ObjectNode) array.get(i)));
        }
      }
    }
    return List.copyOf(entries);
  }
}
