package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A recursive node's own rules (SPEC §1.3, §2.6): at least one of {@code recursive_sources} ({@code
 * too-few-items}), each naming another node of the same list ({@code unknown-recursive-source});
 * exactly one of {@code agent_package} and {@code workflow_ref} ({@code missing-field} when
 * neither, {@code conflicting-fields} when both).
 */
final class RecursiveNodeRule implements BlueprintRule {
  static final String UNKNOWN_SOURCE = "unknown-recursive-source";
  static final String CONFLICTING_FIELDS = "conflicting-fields";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeEntry node : document.nodes()) {
      if (node.is(NodeType.RECURSIVE)) {
        sources(node, out);
        target(node, out);
      }
    }
    return out;
  }

  private static void sources(NodeEntry node, List<Violation> out) {
    JsonNode sources = node.field("recursive_sources").filter(JsonNode::isArray).orElse(null);
    if (sources == null) {
      return;
    }
    if (sources.isEmpty()) {
      String detail = node.label() + " has no 'recursive_sources'; it needs at least one.";
      out.add(new Violation(node.pointer("recursive_sources"), TypeRules.TOO_FEW_ITEMS, detail));
    }
    Set<String> siblings = new HashSet<>();
    node.graph().nodes().forEach(sibling -> sibling.id().ifPresent(siblings::add));
    node.id().ifPresent(siblings::remove);
    for (NodeEntry.Dependency source : node.strings("recursive_sources")) {
      if (!siblings.contains(source.id())) {
        String detail =
            node.label()
                + ": recursive source '"
                + source.id()
                + "' is not another node of the same "
                + node.graph().kind().noun()
                + ".";
        out.add(new Violation(source.pointer(), UNKNOWN_SOURCE, detail));
      }
    }
  }

  private static void target(NodeEntry node, List<Violation> out) {
    boolean agent = node.field("agent_package").isPresent();
    boolean workflow = node.field("workflow_ref").isPresent();
    if (!agent && !workflow) {
      String detail =
          node.label()
              + " has neither 'agent_package' nor 'workflow_ref'; recursive nodes need exactly"
              + " one.";
      out.add(new Violation(node.pointer(), MissingFieldRule.CODE, detail));
    } else if (agent && workflow) {
      String detail =
          node.label()
              + " has both 'agent_package' and 'workflow_ref'; recursive nodes run exactly one.";
      out.add(new Violation(node.pointer("workflow_ref"), CONFLICTING_FIELDS, detail));
    }
  }
}
