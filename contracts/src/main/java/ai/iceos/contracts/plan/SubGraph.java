package ai.iceos.contracts.plan;

import java.util.List;
import java.util.Objects;

/**
 * A nested graph of a plan node: a condition path, a loop body or one parallel branch. Its nodes
 * depend only on each other (and implicitly on the owning node's scope), so it has levels of its
 * own.
 *
 * @param name where it sits in the owning node, as a relative JSON pointer without the leading
 *     slash: {@code true_path}, {@code false_path}, {@code body}, {@code branches/0}, …
 * @param nodes its nodes in blueprint order, each possibly with sub-graphs of its own
 * @param levels node ids per level, level 0 first, as in {@link ExecutionPlan#levels()}
 */
public record SubGraph(String name, List<PlannedNode> nodes, List<List<String>> levels) {
  public SubGraph {
    Objects.requireNonNull(name, "name");
    nodes = List.copyOf(nodes);
    levels = levels.stream().map(List::copyOf).toList();
  }
}
