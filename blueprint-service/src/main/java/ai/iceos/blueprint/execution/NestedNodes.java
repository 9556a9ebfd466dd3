package ai.iceos.blueprint.execution;

import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.contracts.plan.SubGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Type and level of every node of a pinned plan, nested ones included, so that a node the view
 * first meets in an event under its path id ({@code loop[2].body}, docs/events.md) gets its real
 * type. A nested node's level is its level inside its own nested graph, as its {@code node.queued}
 * reports it.
 */
public final class NestedNodes {
  /** Knows no node: every unknown node id stays without type or level. */
  public static final NestedNodes NONE = new NestedNodes(Map.of());

  private final Map<String, NodeView> byLocalId;

  private NestedNodes(Map<String, NodeView> byLocalId) {
    this.byLocalId = Map.copyOf(byLocalId);
  }

  public static NestedNodes of(ExecutionPlan plan) {
    Map<String, NodeView> found = new HashMap<>();
    collect(plan.nodes(), found);
    return new NestedNodes(found);
  }

  /**
   * A pending entry for the node with this path id: its type and level from the plan, or none when
   * the plan does not know it. Nested ids are unique in a blueprint, so the last segment of the
   * path id names the node.
   */
  NodeView pending(String pathId) {
    NodeView known = byLocalId.get(pathId.substring(pathId.lastIndexOf('.') + 1));
    return known == null ? NodeView.pending(null, null) : known;
  }

  private static void collect(List<PlannedNode> nodes, Map<String, NodeView> found) {
    for (PlannedNode node : nodes) {
      found.putIfAbsent(node.id(), NodeView.pending(node.spec().kind().wireName(), node.level()));
    }
    for (PlannedNode node : nodes) {
      for (SubGraph graph : node.subGraphs()) {
        collect(graph.nodes(), found);
      }
      for (List<NodeSpec> children : node.spec().children()) {
        collectSpecs(children, found);
      }
    }
  }

  /** Nested specs the compiler left without a sub-graph: their type is known, their level not. */
  private static void collectSpecs(List<NodeSpec> specs, Map<String, NodeView> found) {
    for (NodeSpec spec : specs) {
      found.putIfAbsent(spec.id(), NodeView.pending(spec.kind().wireName(), null));
      for (List<NodeSpec> children : spec.children()) {
        collectSpecs(children, found);
      }
    }
  }
}
