package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Nested node lists that cannot run: an empty loop {@code body}, a parallel node without branches
 * or with an empty branch ({@code too-few-items}); and era-1 condition {@code true_branch}/{@code
 * false_branch} ids that name no node of the condition's own list ({@code unknown-branch-node}).
 * Condition paths may be empty: taking a path that does nothing is legitimate.
 */
final class NodeListRule implements BlueprintRule {
  static final String UNKNOWN_BRANCH_NODE = "unknown-branch-node";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeEntry node : document.nodes()) {
      node.type()
          .ifPresent(
              type -> {
                switch (type) {
                  case LOOP -> notEmpty(node, "body", "a loop body needs at least one node", out);
                  case PARALLEL -> branches(node, out);
                  case CONDITION -> era1Branches(node, out);
                  default -> {
                    // No nested lists.
                  }
                }
              });
    }
    return out;
  }

  private static void branches(NodeEntry node, List<Violation> out) {
    notEmpty(node, "branches", "a parallel node needs at least one branch", out);
    JsonNode branches = node.field("branches").filter(JsonNode::isArray).orElse(null);
    for (int b = 0; branches != null && b < branches.size(); b++) {
      if (branches.get(b).isArray() && branches.get(b).isEmpty()) {
        String detail = node.label() + ": branch " + b + " is empty; a branch needs a node.";
        out.add(
            new Violation(
                JsonPointer.child(node.pointer("branches"), b), TypeRules.TOO_FEW_ITEMS, detail));
      }
    }
  }

  private static void notEmpty(NodeEntry node, String field, String why, List<Violation> out) {
    node.field(field)
        .filter(value -> value.isArray() && value.isEmpty())
        .ifPresent(
            empty ->
                out.add(
                    new Violation(
                        node.pointer(field),
                        TypeRules.TOO_FEW_ITEMS,
                        node.label() + ": '" + field + "' is empty; " + why + ".")));
  }

  private static void era1Branches(NodeEntry node, List<Violation> out) {
    Set<String> siblings = new HashSet<>();
    node.graph().nodes().forEach(sibling -> sibling.id().ifPresent(siblings::add));
    for (String field : List.of("true_branch", "false_branch")) {
      for (NodeEntry.Dependency target : node.strings(field)) {
        if (!siblings.contains(target.id()) || node.id().filter(target.id()::equals).isPresent()) {
          String detail =
              node.label()
                  + ": '"
                  + field
                  + "' names '"
                  + target.id()
                  + "', which is not another node of the same "
                  + node.graph().kind().noun()
                  + ".";
          out.add(new Violation(target.pointer(), UNKNOWN_BRANCH_NODE, detail));
        }
      }
    }
  }
}
