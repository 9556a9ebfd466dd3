package ai.iceos.compiler.compile;

import ai.iceos.compiler.compile.TopologicalLevels.Cycle;
import ai.iceos.compiler.compile.TopologicalLevels.Graph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Finds one cycle per strongly connected component (Tarjan, iterative so that long chains cannot
 * overflow the stack), among the nodes Kahn's algorithm could not order. Linear in nodes + edges.
 */
final class CycleFinder {
  private final Graph graph;
  private final boolean[] candidate;
  private final int[] index;
  private final int[] low;
  private final boolean[] onStack;
  private final Deque<Integer> stack = new ArrayDeque<>();
  private final List<List<Integer>> components = new ArrayList<>();
  private final int[] componentOf;
  private final int[] parent;
  private int counter;

  private CycleFinder(Graph graph, int[] pending) {
    int n = graph.ids().size();
    this.graph = graph;
    this.candidate = new boolean[n];
    for (int v = 0; v < n; v++) {
      candidate[v] = pending[v] > 0;
    }
    this.index = new int[n];
    this.low = new int[n];
    this.onStack = new boolean[n];
    this.componentOf = new int[n];
    this.parent = new int[n];
    Arrays.fill(index, -1);
    Arrays.fill(parent, -1);
  }

  /** One cycle per component, ordered by the blueprint position of each cycle's first node. */
  static List<Cycle> find(Graph graph, int[] pending) {
    CycleFinder finder = new CycleFinder(graph, pending);
    for (int v = 0; v < pending.length; v++) {
      if (finder.candidate[v] && finder.index[v] < 0) {
        finder.connect(v);
      }
    }
    return finder.components.stream()
        .filter(component -> component.size() > 1)
        .map(Collections::min)
        .sorted()
        .map(finder::cycleThrough)
        .toList();
  }

  private void connect(int root) {
    Deque<int[]> calls = new ArrayDeque<>();
    visit(root, calls);
    while (!calls.isEmpty()) {
      int[] frame = calls.peek();
      int v = frame[0];
      List<Integer> next = graph.dependents().get(v);
      if (frame[1] < next.size()) {
        int w = next.get(frame[1]++);
        if (!candidate[w]) {
          continue;
        }
        if (index[w] < 0) {
          visit(w, calls);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      calls.pop();
      if (!calls.isEmpty()) {
        int parent = calls.peek()[0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] == index[v]) {
        components.add(popComponent(v));
      }
    }
  }

  private void visit(int v, Deque<int[]> calls) {
    index[v] = counter;
    low[v] = counter++;
    stack.push(v);
    onStack[v] = true;
    calls.push(new int[] {v, 0});
  }

  private List<Integer> popComponent(int v) {
    List<Integer> component = new ArrayList<>();
    int w;
    do {
      w = stack.pop();
      onStack[w] = false;
      componentOf[w] = components.size();
      component.add(w);
    } while (w != v);
    return component;
  }

  /** A shortest cycle through {@code start} inside its component (breadth-first). */
  private Cycle cycleThrough(int start) {
    List<Integer> reached = new ArrayList<>();
    Deque<Integer> queue = new ArrayDeque<>(List.of(start));
    try {
      while (!queue.isEmpty()) {
        int u = queue.poll();
        for (int w : graph.dependents().get(u)) {
          if (w == start) {
            return path(start, u);
          }
          if (candidate[w] && componentOf[w] == componentOf[start] && parent[w] < 0) {
            parent[w] = u;
            reached.add(w);
            queue.add(w);
          }
        }
      }
      throw new IllegalStateException("a strongly connected component has no cycle");
    } finally {
      reached.forEach(v -> parent[v] = -1);
    }
  }

  private Cycle path(int start, int last) {
    List<String> nodes = new ArrayList<>();
    for (int v = last; v != start; v = parent[v]) {
      nodes.add(graph.ids().get(v));
    }
    nodes.add(graph.ids().get(start));
    return new Cycle(nodes.reversed());
  }
}
