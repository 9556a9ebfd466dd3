package ai.iceos.compiler.compile;

import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.RecursiveNodeSpec;
import ai.iceos.contracts.plan.CostEstimate;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.contracts.plan.SubGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;

/**
 * One node list compiled: its nodes with defaults and levels, each condition path, loop body and
 * parallel branch compiled the same way into the owner's {@link SubGraph}s (named {@code
 * true_path}, {@code false_path}, {@code body}, {@code branches/N}). Levels ignore the loop-back
 * edges of recursive nodes ({@link RecursiveEdges}).
 *
 * @param nodes the planned nodes in blueprint order
 * @param levels node ids per level, level 0 first
 */
public record PlannedGraph(List<PlannedNode> nodes, List<List<String>> levels) {
  public PlannedGraph {
    nodes = List.copyOf(nodes);
    levels = levels.stream().map(List::copyOf).toList();
  }

  /** Compiles a validated node list (no cycles but recursive loop-backs). */
  public static PlannedGraph of(List<NodeSpec> specs, boolean blueprintCache) {
    TopologicalLevels.Levels levels = levels(specs);
    List<PlannedNode> nodes = new ArrayList<>();
    for (NodeSpec spec : specs) {
      nodes.add(
          NodeDefaults.plan(
              spec,
              levels.levelOf().get(spec.id()),
              blueprintCache,
              subGraphs(spec, blueprintCache)));
    }
    return new PlannedGraph(nodes, levels.levels());
  }

  /** The same graph with each node's (and nested node's) estimate from {@code byNode}. */
  public PlannedGraph withCosts(Map<String, CostEstimate> byNode) {
    return new PlannedGraph(withCosts(nodes, byNode), levels);
  }

  private static List<PlannedNode> withCosts(
      List<PlannedNode> nodes, Map<String, CostEstimate> byNode) {
    return nodes.stream()
        .map(
            node ->
                node.withEstimatedCost(
                    byNode.get(node.id()),
                    node.subGraphs().stream()
                        .map(
                            graph ->
                                new SubGraph(
                                    graph.name(), withCosts(graph.nodes(), byNode), graph.levels()))
                        .toList()))
        .toList();
  }

  private static List<SubGraph> subGraphs(NodeSpec spec, boolean cache) {
    List<String> names = childNames(spec);
    List<List<NodeSpec>> children = spec.children();
    List<SubGraph> graphs = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      PlannedGraph child = of(children.get(i), cache);
      graphs.add(new SubGraph(names.get(i), child.nodes(), child.levels()));
    }
    return graphs;
  }

  /** The names of {@link NodeSpec#children()}, in its order. */
  static List<String> childNames(NodeSpec spec) {
    return switch (spec.kind()) {
      case CONDITION -> List.of("true_path", "false_path");
      case LOOP -> List.of("body");
      case PARALLEL -> {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < spec.children().size(); i++) {
          names.add("branches/" + i);
        }
        yield names;
      }
      case TOOL, LLM, AGENT, WORKFLOW, RECURSIVE, CODE, HUMAN, MONITOR, SWARM -> List.of();
    };
  }

  private static TopologicalLevels.Levels levels(List<NodeSpec> nodes) {
    SequencedMap<String, List<String>> graph = new LinkedHashMap<>();
    Map<String, Set<String>> sources = new LinkedHashMap<>();
    for (NodeSpec node : nodes) {
      graph.put(node.id(), node.dependencies());
      if (node instanceof RecursiveNodeSpec recursive) {
        sources.put(node.id(), new HashSet<>(recursive.recursiveSources()));
      }
    }
    return switch (TopologicalLevels.of(RecursiveEdges.withoutLoopBacks(graph, sources))) {
      case TopologicalLevels.Levels levels -> levels;
      case TopologicalLevels.Cycles cycles ->
          throw new IllegalStateException("a validated blueprint has a cycle: " + cycles);
    };
  }
}
