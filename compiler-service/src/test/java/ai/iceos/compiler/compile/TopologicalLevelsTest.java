package ai.iceos.compiler.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;

class TopologicalLevelsTest {

  @Test
  void shouldPutRootsAtLevelZeroAndOthersOneAboveTheirDeepestDependency() {
    // given: a -> b -> d, a -> c, c -> d, e alone
    SequencedMap<String, List<String>> graph = new LinkedHashMap<>();
    graph.put("d", List.of("b", "c"));
    graph.put("a", List.of());
    graph.put("b", List.of("a"));
    graph.put("c", List.of("a"));
    graph.put("e", List.of());

    // when
    TopologicalLevels.Result result = TopologicalLevels.of(graph);

    // then
    assertThat(result).isInstanceOf(TopologicalLevels.Levels.class);
    TopologicalLevels.Levels levels = (TopologicalLevels.Levels) result;
    assertThat(levels.levels()).containsExactly(List.of("a", "e"), List.of("b", "c"), List.of("d"));
    assertThat(levels.levelOf()).containsEntry("d", 2).containsEntry("e", 0);
  }

  @Test
  void shouldUseLongestPathWhenDependenciesHaveDifferentDepths() {
    SequencedMap<String, List<String>> graph = new LinkedHashMap<>();
    graph.put("a", List.of());
    graph.put("b", List.of("a"));
    graph.put("c", List.of("b"));
    graph.put("d", List.of("a", "c", "a"));

    TopologicalLevels.Levels levels = (TopologicalLevels.Levels) TopologicalLevels.of(graph);

    assertThat(levels.levelOf()).containsEntry("d", 3);
  }

  @Test
  void shouldNameEachCycleInDependencyOrderStartingAtItsFirstNode() {
    // given: b depends on a, c on b, a on c; y and x depend on each other; z hangs below the cycle
    SequencedMap<String, List<String>> graph = new LinkedHashMap<>();
    graph.put("root", List.of());
    graph.put("y", List.of("x"));
    graph.put("a", List.of("root", "c"));
    graph.put("b", List.of("a"));
    graph.put("c", List.of("b"));
    graph.put("x", List.of("y"));
    graph.put("z", List.of("c"));

    // when
    TopologicalLevels.Result result = TopologicalLevels.of(graph);

    // then
    assertThat(result).isInstanceOf(TopologicalLevels.Cycles.class);
    List<TopologicalLevels.Cycle> cycles = ((TopologicalLevels.Cycles) result).cycles();
    assertThat(cycles)
        .extracting(TopologicalLevels.Cycle::path)
        .containsExactly("y -> x -> y", "a -> b -> c -> a");
  }

  @Test
  void shouldIgnoreUnknownAndSelfDependencies() {
    SequencedMap<String, List<String>> graph = new LinkedHashMap<>();
    graph.put("a", List.of("a", "ghost"));
    graph.put("b", List.of("a"));

    TopologicalLevels.Levels levels = (TopologicalLevels.Levels) TopologicalLevels.of(graph);

    assertThat(levels.levels()).containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void shouldLevelAndFindTheCycleOfLongChainsWithoutRecursion() {
    // given: a 100,000-node chain, then the same chain closed into a ring
    int n = 100_000;
    SequencedMap<String, List<String>> chain = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      chain.put("n" + i, i == 0 ? List.of() : List.of("n" + (i - 1)));
    }
    SequencedMap<String, List<String>> ring = new LinkedHashMap<>(chain);
    ring.put("n0", List.of("n" + (n - 1)));

    // when
    TopologicalLevels.Levels levels = (TopologicalLevels.Levels) TopologicalLevels.of(chain);
    TopologicalLevels.Cycles cycles = (TopologicalLevels.Cycles) TopologicalLevels.of(ring);

    // then
    assertThat(levels.levels()).hasSize(n);
    assertThat(levels.levelOf()).containsEntry("n" + (n - 1), n - 1);
    assertThat(cycles.cycles()).singleElement().satisfies(c -> assertThat(c.nodes()).hasSize(n));
  }
}
