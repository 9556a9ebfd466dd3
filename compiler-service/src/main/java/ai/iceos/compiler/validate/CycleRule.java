package ai.iceos.compiler.validate;

import ai.iceos.compiler.compile.TopologicalLevels;
import ai.iceos.compiler.compile.TopologicalLevels.Cycle;
import ai.iceos.contracts.blueprint.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * {@code cycle}: nodes that depend on each other in a circle; one violation per cycle, pointing at
 * {@code /nodes}, its detail naming the cycle's nodes in order.
 */
final class CycleRule implements BlueprintRule {
  static final String CODE = "cycle";

  @Override
  public List<Violation> check(BlueprintDocument document) {
    SequencedMap<String, List<String>> graph = new LinkedHashMap<>();
    for (NodeEntry node : document.nodes()) {
      node.id()
          .ifPresent(
              id ->
                  graph.putIfAbsent(
                      id, node.dependencies().stream().map(NodeEntry.Dependency::id).toList()));
    }
    return switch (TopologicalLevels.of(graph)) {
      case TopologicalLevels.Levels levels -> List.of();
      case TopologicalLevels.Cycles cycles ->
          cycles.cycles().stream().map(CycleRule::violation).toList();
    };
  }

  private static Violation violation(Cycle cycle) {
    String detail =
        "Nodes '"
            + String.join("', '", cycle.nodes())
            + "' form a dependency cycle: "
            + cycle.path()
            + ".";
    return new Violation("/nodes", CODE, detail);
  }
}
