package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A name a node uses that something outside the blueprint must provide: a tool (tool {@code
 * tool_name}, each of an agent's {@code tools}), a model (llm and agent {@code model}), an agent
 * definition (agent {@code package}, each swarm agent's {@code package}, recursive {@code
 * agent_package}) or a stored blueprint (workflow and recursive {@code workflow_ref}).
 *
 * @param kind what the name refers to
 * @param name the name as written
 * @param pointer where it is written
 * @param node the node that uses it
 */
record ResourceReference(Kind kind, String name, String pointer, NodeEntry node) {

  enum Kind {
    TOOL,
    MODEL,
    AGENT,
    WORKFLOW
  }

  /** Every reference of every node, in document order. */
  static List<ResourceReference> of(BlueprintDocument document) {
    List<ResourceReference> out = new ArrayList<>();
    for (NodeEntry node : document.nodes()) {
      node.type().ifPresent(type -> collect(node, type, out));
    }
    return out;
  }

  private static void collect(NodeEntry node, NodeType type, List<ResourceReference> out) {
    switch (type) {
      case TOOL -> text(node, "tool_name", Kind.TOOL, out);
      case LLM -> text(node, "model", Kind.MODEL, out);
      case AGENT -> {
        text(node, "package", Kind.AGENT, out);
        text(node, "model", Kind.MODEL, out);
        node.strings("tools")
            .forEach(
                tool -> out.add(new ResourceReference(Kind.TOOL, tool.id(), tool.pointer(), node)));
      }
      case SWARM -> swarmAgents(node, out);
      case RECURSIVE -> {
        text(node, "agent_package", Kind.AGENT, out);
        text(node, "workflow_ref", Kind.WORKFLOW, out);
      }
      case WORKFLOW -> text(node, "workflow_ref", Kind.WORKFLOW, out);
      case CONDITION, LOOP, PARALLEL, CODE, HUMAN, MONITOR -> {
        // They use nothing registered outside the blueprint.
      }
    }
  }

  private static void text(NodeEntry node, String field, Kind kind, List<ResourceReference> out) {
    node.text(field)
        .ifPresent(name -> out.add(new ResourceReference(kind, name, node.pointer(field), node)));
  }

  private static void swarmAgents(NodeEntry node, List<ResourceReference> out) {
    JsonNode agents = node.field("agents").filter(JsonNode::isArray).orElse(null);
    for (int j = 0; agents != null && j < agents.size(); j++) {
      JsonNode agentPackage = agents.get(j).get("package");
      if (agentPackage != null && agentPackage.isTextual()) {
        String pointer = JsonPointer.child(JsonPointer.child(node.pointer("agents"), j), "package");
        out.add(new ResourceReference(Kind.AGENT, agentPackage.asText(), pointer, node));
      }
    }
  }
}
