package ai.iceos.compiler.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;

/**
 * Levels of a dependency graph (SPEC §2.1): 0 for a node without dependencies, else 1 + the highest
 * level of its dependencies. Kahn's algorithm, linear in nodes + edges. When the graph has cycles,
 * each strongly connected component of two or more nodes is reported with one of its cycles.
 *
 * <p>Dependencies naming no node of the graph, and self-dependencies, are ignored here: they are
 * reported by their own validation rules.
 */
public final class TopologicalLevels {

  /** The outcome: levels, or the cycles that prevent them. */
  public sealed interface Result permits Levels, Cycles {}

  /**
   * @param levelOf level per node id
   * @param levels node ids per level, level 0 first; blueprint order within a level
   */
  public record Levels(Map<String, Integer> levelOf, List<List<String>> levels) implements Result {
    public Levels {
      levelOf = Map.copyOf(levelOf);
      levels = levels.stream().map(List::copyOf).toList();
    }
  }

  /**
   * @param cycles each cycle's nodes in order, each depending on the one before it
   */
  public record Cycles(List<Cycle> cycles) implements Result {
    public Cycles {
      cycles = List.copyOf(cycles);
    }
  }

  /**
   * @param nodes the cycle's nodes; each depends on the previous, the first on the last
   */
  public record Cycle(List<String> nodes) {
    public Cycle {
      nodes = List.copyOf(nodes);
    }

    /** {@code a -> b -> c -> a}: each arrow points from a dependency to its dependent. */
    public String path() {
      return String.join(" -> ", nodes) + " -> " + nodes.getFirst();
    }
  }

  private TopologicalLevels() {}

  /**
   * @param dependencies every node id, in blueprint order, with the ids it depends on
   */
  public static Result of(SequencedMap<String, ? extends Collection<String>> dependencies) {
    Graph graph = Graph.of(dependencies);
    int n = graph.ids.size();
    int[] pending = new int[n];
    int[] level = new int[n];
    Deque<Integer> ready = new ArrayDeque<>();
    for (int v = 0; v < n; v++) {
      pending[v] = graph.dependencies.get(v).size();
      if (pending[v] == 0) {
        ready.add(v);
      }
    }
    int done = 0;
    while (!ready.isEmpty()) {
      int v = ready.poll();
      done++;
      for (int w : graph.dependents.get(v)) {
        level[w] = Math.max(level[w], level[v] + 1);
        if (--pending[w] == 0) {
          ready.add(w);
        }
      }
    }
    if (done < n) {
      return new Cycles(CycleFinder.find(graph, pending));
    }
    return levels(graph, level);
  }

  private static Levels levels(Graph graph, int[] level) {
    Map<String, Integer> levelOf = new LinkedHashMap<>();
    List<List<String>> levels = new ArrayList<>();
    for (int v = 0; v < graph.ids.size(); v++) {
      String id = graph.ids.get(v);
      levelOf.put(id, level[v]);
      while (levels.size() <= level[v]) {
        levels.add(new ArrayList<>());
      }
      levels.get(level[v]).add(id);
    }
    return new Levels(levelOf, levels);
  }

  /** The graph over int indexes: dependencies and dependents of each node, deduplicated. */
  record Graph(List<String> ids, List<List<Integer>> dependencies, List<List<Integer>> dependents) {
    static Graph of(SequencedMap<String, ? extends Collection<String>> input) {
      List<String> ids = List.copyOf(input.keySet());
      Map<String, Integer> index = new HashMap<>();
      for (int v = 0; v < ids.size(); v++) {
        index.put(ids.get(v), v);
      }
      List<List<Integer>> deps = new ArrayList<>();
      List<List<Integer>> dependents = new ArrayList<>();
      for (int v = 0; v < ids.size(); v++) {
        dependents.add(new ArrayList<>());
      }
      for (int v = 0; v < ids.size(); v++) {
        Set<Integer> own = new LinkedHashSet<>();
        for (String dep : input.get(ids.get(v))) {
          Integer d = index.get(dep);
          if (d != null && d != v && own.add(d)) {
            dependents.get(d).add(v);
          }
        }
        deps.add(List.copyOf(own));
      }
      return new Graph(ids, deps, dependents);
    }
  }
}
