package ai.iceos.compiler.validate;

import ai.iceos.compiler.compile.RecursiveEdges;
import ai.iceos.compiler.compile.TopologicalLevels;
import ai.iceos.compiler.compile.TopologicalLevels.Cycle;
import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code cycle}: nodes of one node list that depend on each other in a circle; one violation per
 * cycle, pointing at the list ({@code /nodes}), its detail naming the cycle's nodes in order. A
 * cycle is allowed only through a recursive node that lists the other cycle member in {@code
 * recursive_sources} (SPEC §2.6): that member's dependency on the recursive node is the loop back,
 * not an ordering edge ({@link RecursiveEdges}).
 */
final class CycleRule implements BlueprintRule {
  static final String CODE = "cycle";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    List<Violation> out = new ArrayList<>();
    for (NodeGraph graph : document.graphs()) {
      SequencedMap<String, List<String>> dependencies = new LinkedHashMap<>();
      Map<String, Set<String>> sources = new LinkedHashMap<>();
      for (NodeEntry node : graph.nodes()) {
        node.id().ifPresent(id -> add(node, id, dependencies, sources));
      }
      switch (TopologicalLevels.of(RecursiveEdges.withoutLoopBacks(dependencies, sources))) {
        case TopologicalLevels.Levels levels -> {
          // Orderable.
        }
        case TopologicalLevels.Cycles cycles ->
            cycles.cycles().forEach(cycle -> out.add(violation(graph, cycle)));
      }
    }
    return out;
  }

  private static void add(
      NodeEntry node,
      String id,
      SequencedMap<String, List<String>> dependencies,
      Map<String, Set<String>> sources) {
    if (dependencies.containsKey(id)) {
      return;
    }
    dependencies.put(id, node.dependencies().stream().map(NodeEntry.Dependency::id).toList());
    if (node.is(NodeType.RECURSIVE)) {
      sources.put(
          id,
          node.strings("recursive_sources").stream()
              .map(NodeEntry.Dependency::id)
              .collect(Collectors.toSet()));
    }
  }

  private static Violation violation(NodeGraph graph, Cycle cycle) {
    String detail =
        "Nodes '"
            + String.join("', '", cycle.nodes())
            + "' form a dependency cycle: "
            + cycle.path()
            + "; a cycle is allowed only through a recursive node that lists the other member in"
            + " 'recursive_sources'.";
    return new Violation(graph.pointer(), CODE, detail);
  }
}
