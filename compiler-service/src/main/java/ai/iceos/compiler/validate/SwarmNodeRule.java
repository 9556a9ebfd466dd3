package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A swarm's own rules (SPEC §1.3): at least two {@code agents} ({@code too-few-items}); each
 * agent's {@code role} non-blank ({@code invalid-role}) and unique in the swarm ({@code
 * duplicate-role}, reported on each repeat).
 */
final class SwarmNodeRule implements BlueprintRule {
  static final String INVALID_ROLE = "invalid-role";
  static final String DUPLICATE_ROLE = "duplicate-role";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeEntry node : document.nodes()) {
      if (node.is(NodeType.SWARM)) {
        node.field("agents")
            .filter(JsonNode::isArray)
            .ifPresent(agents -> swarm(node, agents, out));
      }
    }
    return out;
  }

  private static void swarm(NodeEntry node, JsonNode agents, List<Violation> out) {
    if (agents.size() < 2) {
      String detail = node.label() + " has " + agents.size() + " agents; a swarm needs at least 2.";
      out.add(new Violation(node.pointer("agents"), TypeRules.TOO_FEW_ITEMS, detail));
    }
    Map<String, Integer> firstByRole = new HashMap<>();
    for (int j = 0; j < agents.size(); j++) {
      JsonNode role = agents.get(j).get("role");
      if (role == null || !role.isTextual()) {
        continue;
      }
      String pointer = JsonPointer.child(JsonPointer.child(node.pointer("agents"), j), "role");
      if (role.asText().isBlank()) {
        String detail = node.label() + ": agents[" + j + "] has a blank 'role'.";
        out.add(new Violation(pointer, INVALID_ROLE, detail));
        continue;
      }
      Integer first = firstByRole.putIfAbsent(role.asText(), j);
      if (first != null) {
        String detail =
            node.label()
                + ": role '"
                + role.asText()
                + "' of agents["
                + j
                + "] is already the role of agents["
                + first
                + "]; roles are unique in a swarm.";
        out.add(new Violation(pointer, DUPLICATE_ROLE, detail));
      }
    }
  }
}
