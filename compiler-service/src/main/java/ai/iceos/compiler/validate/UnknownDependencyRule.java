package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code unknown-dependency}: a dependency naming no node of the same node list. Top-level nodes
 * depend on top-level nodes; a node of a path, body or branch only on nodes of that same list (it
 * sees the owner's scope anyway).
 */
final class UnknownDependencyRule implements BlueprintRule {
  static final String CODE = "unknown-dependency";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeGraph graph : document.graphs()) {
      Set<String> ids = new HashSet<>();
      graph.nodes().forEach(node -> node.id().ifPresent(ids::add));
      for (NodeEntry node : graph.nodes()) {
        for (NodeEntry.Dependency dep : node.dependencies()) {
          if (!ids.contains(dep.id())) {
            out.add(new Violation(dep.pointer(), CODE, detail(document, graph, node, dep.id())));
          }
        }
      }
    }
    return out;
  }

  private static String detail(
      BlueprintDocument document, NodeGraph graph, NodeEntry node, String id) {
    String where = node.label() + " depends on ";
    if (document.node(id).isEmpty()) {
      return where + "unknown node '" + id + "'.";
    }
    return where
        + "'"
        + id
        + "', which is not in the same "
        + graph.kind().noun()
        + "; a node may depend only on nodes of its own list.";
  }
}
