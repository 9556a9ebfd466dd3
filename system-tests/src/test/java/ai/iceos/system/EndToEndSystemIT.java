package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The foundation's path through real processes: REST → compiler (Kafka) → scheduler (Kafka,
 * PostgreSQL) → node-worker (Kafka) → llm-gateway (HTTP) → run events → execution view.
 */
class EndToEndSystemIT {
  private final IceosApi api = RunningSystem.api();

  @Test
  void shouldRunToolLlmToolChainWithTemplatesToCompletion() {
    // given
    String blueprintId = api.createCompiled(IceosApi.fixture("tool-llm-tool.json"));
    var inputs = IceosJson.mapper().createObjectNode().put("name", "iceOS");

    // when
    JsonNode view = api.startExecution(blueprintId, inputs, 60).expect(200).json();

    // then
    assertThat(view.path("status").asText()).isEqualTo("completed");
    assertThat(view.path("result").path("success").asBoolean()).isTrue();
    JsonNode nodes = view.path("nodes");
    assertThat(nodes.path("greet").path("status").asText()).isEqualTo("succeeded");
    assertThat(nodes.path("greet").path("output").path("message").asText())
        .isEqualTo("Hello iceOS");
    assertThat(nodes.path("ask").path("output").path("response").asText())
        .isEqualTo("ECHO::Write a haiku about Hello iceOS");
    long tokens = nodes.path("ask").path("output").path("usage").path("total_tokens").asLong();
    assertThat(tokens).isPositive();
    assertThat(nodes.path("shout").path("output").path("text").asText())
        .isEqualTo("ECHO::Write a haiku about Hello iceOS");
    // a whole-expression template keeps the JSON type of its value (SPEC §1.4)
    assertThat(nodes.path("shout").path("output").path("tokens").isIntegralNumber()).isTrue();
    assertThat(nodes.path("shout").path("output").path("tokens").asLong()).isEqualTo(tokens);
    assertThat(view.path("usage").path("total_tokens").asLong()).isEqualTo(tokens);
    assertThat(nodes.path("ask").path("level").asInt()).isEqualTo(1);
    assertThat(nodes.path("shout").path("level").asInt()).isEqualTo(2);
  }

  @Test
  void shouldShowTheSameFinalViewOnGet() {
    String blueprintId = api.createCompiled(IceosApi.fixture("tool-llm-tool.json"));
    var inputs = IceosJson.mapper().createObjectNode().put("name", "again");
    String executionId =
        api.startExecution(blueprintId, inputs, 0).expect(202).json().path("execution_id").asText();

    JsonNode view = api.execution(executionId, 60).expect(200).json();

    assertThat(view.path("execution_id").asText()).isEqualTo(executionId);
    assertThat(view.path("status").asText()).isEqualTo("completed");
    assertThat(view.path("nodes").path("greet").path("output").path("message").asText())
        .isEqualTo("Hello again");
  }

  @Test
  void shouldCarryOneTraceFromTheRestCallThroughEveryKafkaHop() {
    String blueprintId = api.createCompiled(IceosApi.fixture("tool-llm-tool.json"));
    var inputs = IceosJson.mapper().createObjectNode().put("name", "trace");
    String executionId =
        api.startExecution(blueprintId, inputs, 60)
            .expect(200)
            .json()
            .path("execution_id")
            .asText();
    String kafka = RunningSystem.get().kafkaBootstrap();

    Set<String> start = TraceHeaders.traceIds(kafka, Topics.RUN_COMMANDS, executionId, 1);
    // three nodes: each reports its NodeCompleted, a NodeStarted before it only when the node
    // outlives the worker's started-report-delay (decision 0104)
    Set<String> outcomes = TraceHeaders.traceIds(kafka, Topics.NODE_OUTCOMES, executionId, 3);

    assertThat(start).hasSize(1).doesNotContain("<none>");
    assertThat(outcomes).isEqualTo(start);
  }

  @Test
  void shouldSkipDependentsOfFailedNodeAndFailTheExecution() {
    String blueprintId = api.createCompiled(IceosApi.fixture("failing-branch.json"));

    JsonNode view =
        api.startExecution(blueprintId, IceosJson.mapper().createObjectNode(), 60)
            .expect(200)
            .json();

    assertThat(view.path("status").asText()).isEqualTo("failed");
    JsonNode nodes = view.path("nodes");
    assertThat(nodes.path("broken").path("status").asText()).isEqualTo("failed");
    assertThat(nodes.path("broken").path("error").asText()).contains("boom");
    assertThat(nodes.path("after_broken").path("status").asText()).isEqualTo("skipped");
    assertThat(nodes.path("ok").path("status").asText()).isEqualTo("succeeded");
    assertThat(nodes.path("after_ok").path("status").asText()).isEqualTo("succeeded");
    assertThat(nodes.path("after_ok").path("output").path("x").asInt()).isEqualTo(1);
    assertThat(view.path("result").path("error").asText()).contains("Node broken failed: boom");
  }

  @Test
  void shouldRejectCycleWithPointerAndNamedCycle() {
    JsonNode problem = api.createBlueprint(IceosApi.fixture("cycle.json")).expectProblem(422);

    assertThat(problem.path("errors"))
        .anySatisfy(
            error -> {
              assertThat(error.path("code").asText()).isEqualTo("cycle");
              assertThat(error.path("pointer").asText()).startsWith("/nodes");
              assertThat(error.path("detail").asText()).contains("a").contains("b").contains("c");
            });
  }

  @Test
  void shouldRejectUnknownDependencyWithPointerToTheDependency() {
    JsonNode problem =
        api.createBlueprint(IceosApi.fixture("unknown-dependency.json")).expectProblem(422);

    assertThat(problem.path("errors"))
        .anySatisfy(
            error -> {
              assertThat(error.path("code").asText()).isEqualTo("unknown-dependency");
              assertThat(error.path("pointer").asText()).isEqualTo("/nodes/1/dependencies/1");
            });
  }

  @Test
  void shouldAnswer400ProblemForBodyThatIsNotJson() {
    api.createBlueprintRaw("{\"nodes\": [ this is not json").expectProblem(400);
  }
}
