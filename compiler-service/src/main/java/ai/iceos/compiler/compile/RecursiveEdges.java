package ai.iceos.compiler.compile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;

/**
 * The one kind of cycle a blueprint may have (SPEC §2.6): a recursive node R lists node A in {@code
 * recursive_sources}, and A depends on R. R re-runs A and itself until it converges, so A's
 * dependency on R is the loop back, not an ordering constraint: A is ordered before R (R may depend
 * on A), and the scheduler runs the loop. Every other cycle stays a cycle.
 */
public final class RecursiveEdges {
  private RecursiveEdges() {}

  /**
   * @param dependencies every node id of one node list, in order, with the ids it depends on
   * @param sources each recursive node's {@code recursive_sources}
   * @return the dependencies without the loop-back edges
   */
  public static SequencedMap<String, List<String>> withoutLoopBacks(
      SequencedMap<String, ? extends Collection<String>> dependencies,
      Map<String, Set<String>> sources) {
    SequencedMap<String, List<String>> ordering = new LinkedHashMap<>();
    dependencies.forEach(
        (id, deps) ->
            ordering.put(
                id,
                deps.stream()
                    .filter(dep -> !sources.getOrDefault(dep, Set.of()).contains(id))
                    .toList()));
    return ordering;
  }
}
