package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code unsupported-node-type}: a valid node type that this build cannot compile yet, because the
 * contracts model has no node spec for it.
 */
final class UnsupportedNodeTypeRule implements BlueprintRule {
  static final String CODE = "unsupported-node-type";

  /** The types with a node spec in the contracts model. */
  static final Set<NodeType> COMPILABLE = EnumSet.of(NodeType.TOOL, NodeType.LLM);

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeEntry node : document.nodes()) {
      node.type()
          .filter(type -> !COMPILABLE.contains(type))
          .ifPresent(
              type ->
                  out.add(
                      new Violation(
                          node.pointer("type"),
                          CODE,
                          node.label()
                              + " has type '"
                              + type.wireName()
                              + "', which this build of iceOS cannot compile yet; only tool and"
                              + " llm nodes are supported so far.")));
    }
    return out;
  }
}
