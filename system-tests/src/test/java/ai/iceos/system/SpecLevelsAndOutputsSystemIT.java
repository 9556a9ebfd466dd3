package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §2.1 (levels, eager scheduling, {@code max_parallel}) and §2.2 (tool and llm outputs),
 * through the whole system, asserted from the execution view and the order of its events.
 */
class SpecLevelsAndOutputsSystemIT {
  private static final String FAST_AND_SLOW =
      """
      {"scheduling": "%s", "nodes": [
        {"id": "fast", "type": "tool", "tool_name": "constant", "tool_args": {"value": 1}},
        {"id": "slow", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 1.5}},
        {"id": "after_fast", "type": "tool", "tool_name": "echo", "dependencies": ["fast"],
         "tool_args": {"v": "{{ fast.value }}"}}
      ]}
      """;

  private final IceosApi api = RunningSystem.api();
  private final SpecRuns runs = new SpecRuns(api);

  @Test
  void shouldStartTheNextLevelOnlyWhenEveryNodeOfTheCurrentOneIsDone() {
    // given
    JsonNode created =
        api.createBlueprint(SpecRuns.json(FAST_AND_SLOW.formatted("level"))).expect(201).json();
    JsonNode plannedLevels = created.path("plan").path("levels");
    assertThat(SpecRuns.texts(plannedLevels.get(0))).containsExactlyInAnyOrder("fast", "slow");
    assertThat(SpecRuns.texts(plannedLevels.get(1))).containsExactly("after_fast");

    // when
    SpecRuns.Run run = runs.finish(runs.startCompiled(created.path("id").asText(), "{}"));

    // then
    run.expectStatus("completed");
    assertThat(run.output("after_fast").path("v").asInt()).isEqualTo(1);
    assertThat(run.node("after_fast").path("level").asInt()).isEqualTo(1);
    RunEvents events = run.events();
    JsonNode levels = events.of("workflow.started").getFirst().path("data").path("levels");
    assertThat(SpecRuns.texts(levels.get(0))).containsExactlyInAnyOrder("fast", "slow");
    assertThat(SpecRuns.texts(levels.get(1))).containsExactly("after_fast");
    List<JsonNode> started = events.of("level.started");
    assertThat(started).extracting(e -> e.path("data").path("level").asInt()).containsExactly(0, 1);
    assertThat(SpecRuns.texts(started.get(0).path("data").path("node_ids")))
        .containsExactlyInAnyOrder("fast", "slow");
    long level0Done = events.of("level.completed").get(0).path("sequence").asLong();
    assertThat(events.of("level.completed").get(0).path("data").path("level").asInt()).isZero();
    assertThat(events.seq("node.completed", "fast"))
        .isLessThan(events.seq("node.completed", "slow"));
    assertThat(events.seq("node.completed", "slow")).isLessThan(level0Done);
    assertThat(level0Done).isLessThan(started.get(1).path("sequence").asLong());
    assertThat(started.get(1).path("sequence").asLong())
        .isLessThan(events.seq("node.queued", "after_fast"));
    assertThat(events.one("node.queued", "after_fast").path("data").path("level").asInt())
        .isEqualTo(1);
  }

  @Test
  void shouldStartANodeAsSoonAsItsOwnDependenciesAreDoneWhenEager() {
    // when
    SpecRuns.Run run = runs.run(FAST_AND_SLOW.formatted("eager"));

    // then
    run.expectStatus("completed");
    assertThat(run.output("after_fast").path("v").asInt()).isEqualTo(1);
    RunEvents events = run.events();
    assertThat(events.seq("node.completed", "fast"))
        .isLessThan(events.seq("node.queued", "after_fast"));
    assertThat(events.seq("node.completed", "after_fast"))
        .as("after_fast ran while slow was still sleeping: %s", events.types())
        .isLessThan(events.seq("node.completed", "slow"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"level", "eager"})
  void shouldNeverRunMoreNodesAtOnceThanMaxParallel(String scheduling) {
    // given: five independent sleeps and a join, at most two running at once
    String blueprint =
        """
        {"scheduling": "%s", "max_parallel": 2, "nodes": [
          {"id": "s1", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 0.3}},
          {"id": "s2", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 0.3}},
          {"id": "s3", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 0.3}},
          {"id": "s4", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 0.3}},
          {"id": "s5", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 0.3}},
          {"id": "join", "type": "tool", "tool_name": "echo",
           "dependencies": ["s1", "s2", "s3", "s4", "s5"],
           "tool_args": {"total": "{{ s1.slept + s2.slept + s3.slept + s4.slept + s5.slept }}"}}
        ]}
        """
            .formatted(scheduling);

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("completed");
    for (String node : List.of("s1", "s2", "s3", "s4", "s5", "join")) {
      run.expectNode(node, "succeeded");
    }
    assertThat(run.output("join").path("total").asDouble()).isEqualTo(1.5);
    assertThat(run.events().maxRunningAtOnce())
        .as("running at once: %s", run.events().types())
        .isEqualTo(2);
    assertThat(run.events().of("node.queued")).hasSize(6);
  }

  @Test
  void shouldGiveAToolNodeTheToolsResultAndAnLlmNodeItsDocumentedShape() {
    // given
    String blueprint =
        """
        {"nodes": [
          {"id": "pick", "type": "tool", "tool_name": "constant",
           "tool_args": {"value": {"name": "Ada", "tags": [1, 2]}}},
          {"id": "ask", "type": "llm", "model": "gpt-4o", "dependencies": ["pick"],
           "prompt": "Say hello to {{ pick.value.name }}"}
        ]}
        """;

    // when
    SpecRuns.Run run = runs.run(blueprint);

    // then
    run.expectStatus("completed");
    assertThat(run.output("pick"))
        .isEqualTo(SpecRuns.json("{\"value\": {\"name\": \"Ada\", \"tags\": [1, 2]}}"));
    JsonNode ask = run.output("ask");
    assertThat(fieldNames(ask))
        .containsExactlyInAnyOrder("response", "prompt", "model", "usage", "text");
    assertThat(ask.path("response").asText()).isEqualTo("ECHO::Say hello to Ada");
    assertThat(ask.path("text").asText()).isEqualTo("ECHO::Say hello to Ada");
    assertThat(ask.path("prompt").asText()).isEqualTo("Say hello to Ada");
    assertThat(ask.path("model").asText()).isEqualTo("gpt-4o");
    JsonNode usage = ask.path("usage");
    assertThat(fieldNames(usage))
        .containsExactlyInAnyOrder("prompt_tokens", "completion_tokens", "total_tokens");
    assertThat(usage.path("prompt_tokens").asLong()).isPositive();
    assertThat(usage.path("completion_tokens").asLong()).isPositive();
    assertThat(usage.path("total_tokens").asLong())
        .isEqualTo(usage.path("prompt_tokens").asLong() + usage.path("completion_tokens").asLong());
    assertThat(run.view().path("usage").path("total_tokens").asLong())
        .isEqualTo(usage.path("total_tokens").asLong());
    assertThat(run.view().path("usage").path("llm_calls").asInt()).isEqualTo(1);
    assertThat(run.view().path("usage").path("tool_executions").asInt()).isEqualTo(1);

    RunEvents events = run.events();
    assertThat(events.nodeTypes("ask"))
        .containsExactly("node.queued", "node.started", "node.completed");
    JsonNode completed = events.one("node.completed", "ask").path("data");
    assertThat(completed.path("output")).isEqualTo(ask);
    assertThat(completed.path("usage").path("total_tokens").asLong())
        .isEqualTo(usage.path("total_tokens").asLong());
    assertThat(completed.path("usage").path("llm_calls").asInt()).isEqualTo(1);
    assertThat(events.seq("node.completed", "ask"))
        .isLessThan(events.seq("resource.token_update", "ask"));
    assertThat(
            events.one("resource.token_update", "ask").path("data").path("total_tokens").asLong())
        .isEqualTo(usage.path("total_tokens").asLong());
    JsonNode finalOutput = events.of("workflow.completed").getFirst().path("data").path("output");
    assertThat(finalOutput.path("pick")).isEqualTo(run.output("pick"));
    assertThat(finalOutput.path("ask")).isEqualTo(ask);
  }

  static List<String> fieldNames(JsonNode object) {
    return object.properties().stream().map(java.util.Map.Entry::getKey).toList();
  }
}
