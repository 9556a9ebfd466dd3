package ai.iceos.compiler.validate;

import static java.util.Map.entry;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code missing-field}: {@code nodes} absent or empty; a node (nested ones included) without
 * {@code id} or {@code type} or without its type's required fields (SPEC §1.3): an agent needs
 * {@code package} or {@code instructions} with {@code tools}, a code node {@code code} or {@code
 * name}; a swarm agent without {@code package} or {@code role}; an input mapping without {@code
 * source_node_id}. A field set to JSON null counts as missing. "Exactly one of" a recursive node's
 * {@code agent_package}/{@code workflow_ref} is {@link RecursiveNodeRule}'s.
 */
final class MissingFieldRule implements BlueprintRule {
  static final String CODE = "missing-field";

  private static final Map<NodeType, List<String>> REQUIRED =
      Map.ofEntries(
          entry(NodeType.TOOL, List.of("tool_name")),
          entry(NodeType.LLM, List.of("model", "prompt")),
          entry(NodeType.CONDITION, List.of("expression")),
          entry(NodeType.WORKFLOW, List.of("workflow_ref")),
          entry(NodeType.LOOP, List.of("items_source", "body")),
          entry(NodeType.PARALLEL, List.of("branches")),
          entry(NodeType.RECURSIVE, List.of("recursive_sources")),
          entry(NodeType.HUMAN, List.of("prompt_message")),
          entry(NodeType.MONITOR, List.of("metric_expression")),
          entry(NodeType.SWARM, List.of("agents")));

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    Optional<JsonNode> nodes = document.field("nodes");
    if (nodes.isEmpty()) {
      out.add(
          new Violation("", CODE, "The blueprint has no 'nodes'; at least one node is required."));
    } else if (nodes.get().isArray() && nodes.get().isEmpty()) {
      out.add(
          new Violation(
              "/nodes", CODE, "The blueprint's 'nodes' is empty; at least one node is required."));
    }
    for (NodeEntry node : document.nodes()) {
      node(node, out);
    }
    return out;
  }

  private static void node(NodeEntry node, List<Violation> out) {
    require(node, "id", "every node needs one", out);
    require(node, "type", "every node needs one", out);
    node.type().ifPresent(type -> typed(node, type, out));
    for (Map.Entry<String, JsonNode> e : node.entries("input_mappings")) {
      JsonNode source = e.getValue().get("source_node_id");
      if (e.getValue().isObject() && (source == null || source.isNull())) {
        String detail =
            node.label() + ": input mapping '" + e.getKey() + "' has no 'source_node_id'.";
        String pointer = JsonPointer.child(node.pointer("input_mappings"), e.getKey());
        out.add(new Violation(pointer, CODE, detail));
      }
    }
  }

  private static void typed(NodeEntry node, NodeType type, List<Violation> out) {
    String why = type.wireName() + " nodes need it";
    REQUIRED.getOrDefault(type, List.of()).forEach(field -> require(node, field, why, out));
    switch (type) {
      case AGENT -> agent(node, out);
      case CODE -> {
        if (node.field("code").isEmpty() && node.field("name").isEmpty()) {
          missing(
              node.pointer(),
              node.label()
                  + " has neither 'code' nor the 'name' of a registered snippet; code nodes need one.",
              out);
        }
      }
      case SWARM -> swarmAgents(node, out);
      default -> {
        // Only the fields of REQUIRED.
      }
    }
  }

  private static void agent(NodeEntry node, List<Violation> out) {
    if (node.field("package").isPresent()) {
      return;
    }
    boolean instructions = node.field("instructions").isPresent();
    boolean tools = node.field("tools").isPresent();
    if (!instructions && !tools) {
      missing(
          node.pointer(),
          node.label()
              + " has no 'package'; agent nodes need a registered package or inline"
              + " 'instructions' and 'tools'.",
          out);
    } else if (!instructions || !tools) {
      String absent = instructions ? "tools" : "instructions";
      missing(
          node.pointer(),
          node.label()
              + " has no '"
              + absent
              + "'; an inline agent (without 'package') needs both 'instructions' and 'tools'.",
          out);
    }
  }

  private static void swarmAgents(NodeEntry node, List<Violation> out) {
    JsonNode agents = node.field("agents").filter(JsonNode::isArray).orElse(null);
    for (int j = 0; agents != null && j < agents.size(); j++) {
      JsonNode agent = agents.get(j);
      if (!agent.isObject()) {
        continue;
      }
      for (String field : List.of("package", "role")) {
        JsonNode value = agent.get(field);
        if (value == null || value.isNull()) {
          missing(
              JsonPointer.child(node.pointer("agents"), j),
              node.label()
                  + ": agents["
                  + j
                  + "] has no '"
                  + field
                  + "'; every swarm agent needs one.",
              out);
        }
      }
    }
  }

  private static void require(NodeEntry node, String field, String why, List<Violation> out) {
    if (node.field(field).isEmpty()) {
      missing(node.pointer(), node.label() + " has no '" + field + "'; " + why + ".", out);
    }
  }

  private static void missing(String pointer, String detail, List<Violation> out) {
    out.add(new Violation(pointer, CODE, detail));
  }
}
