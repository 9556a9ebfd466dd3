package ai.iceos.compiler.compile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.compiler.Fixtures;
import ai.iceos.contracts.blueprint.BackoffStrategy;
import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.Limits;
import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCompilerTest {
  private final PlanCompiler compiler = Fixtures.compiler();

  @Test
  void shouldLevelTheResearchExample() {
    ExecutionPlan plan = compile(Fixtures.blueprint("valid/research-llm-search-llm.json"));

    assertThat(plan.levels()).containsExactly(List.of("llm1"), List.of("search"), List.of("llm2"));
    assertThat(plan.nodes()).extracting(PlannedNode::level).containsExactly(0, 1, 2);
  }

  @Test
  void shouldLevelTheLibraryAssistantExample() {
    ExecutionPlan plan = compile(Fixtures.blueprint("valid/library-assistant-rag.json"));

    assertThat(plan.levels())
        .containsExactly(List.of("recent", "search"), List.of("llm"), List.of("write"));
  }

  @Test
  void shouldResolveEveryDefaultOfAMinimalBlueprint() {
    ExecutionPlan plan = compile(Fixtures.blueprint("valid/minimal-tool.json"));

    assertThat(plan.planVersion()).isEqualTo(ExecutionPlan.CURRENT_VERSION);
    assertThat(plan.failurePolicy()).isEqualTo(FailurePolicy.CONTINUE_IF_POSSIBLE);
    assertThat(plan.scheduling()).isEqualTo(Scheduling.LEVEL);
    assertThat(plan.maxParallel()).isEqualTo(5);
    assertThat(plan.limits()).isEqualTo(Limits.none());
    assertThat(plan.inputsSchema()).isNull();
    assertThat(plan.contentHash()).matches("sha256:[0-9a-f]{64}");
    PlannedNode only = plan.nodes().getFirst();
    assertThat(only.timeoutMs()).isEqualTo(30_000);
    assertThat(only.retry()).isEqualTo(new RetryPolicy(1, BackoffStrategy.FIXED, 0));
    assertThat(only.useCache()).isTrue();
  }

  @Test
  void shouldResolveGivenSettingsAndFoldLegacyRetriesIntoARetryPolicy() {
    // when
    ExecutionPlan plan = compile(Fixtures.blueprint("valid/every-field-set.json"));

    // then
    assertThat(plan.failurePolicy()).isEqualTo(FailurePolicy.HALT_ON_FIRST_ERROR);
    assertThat(plan.scheduling()).isEqualTo(Scheduling.EAGER);
    assertThat(plan.maxParallel()).isEqualTo(1000);
    assertThat(plan.limits().tokenCeiling()).isEqualTo(100_000L);
    assertThat(plan.limits().budgetUsd()).isEqualByComparingTo("2.5");
    assertThat(plan.inputsSchema().at("/required/0").asText()).isEqualTo("topic");
    PlannedNode fetch = plan.node("fetch").orElseThrow();
    assertThat(fetch.timeoutMs()).isEqualTo(1_000);
    assertThat(fetch.retry()).isEqualTo(new RetryPolicy(3, BackoffStrategy.FIXED, 0.5));
    assertThat(plan.node("summarize").orElseThrow().retry())
        .isEqualTo(new RetryPolicy(4, BackoffStrategy.LINEAR, 2.0));
    assertThat(plan.node("publish").orElseThrow().retry())
        .isEqualTo(new RetryPolicy(2, BackoffStrategy.EXPONENTIAL, 1.0));
    assertThat(plan.nodes()).noneMatch(PlannedNode::useCache);
    assertThat(plan.node("summarize").orElseThrow().spec())
        .isInstanceOfSatisfying(
            LlmNodeSpec.class, llm -> assertThat(llm.model()).isEqualTo("gpt-4o-mini"));
  }

  @Test
  void shouldCombineNodeAndBlueprintCacheSwitches() {
    ObjectNode document = chain(2, "tool");
    ((ObjectNode) document.get("nodes").get(1)).put("use_cache", false);

    ExecutionPlan plan = compile(document);

    assertThat(plan.nodes()).extracting(PlannedNode::useCache).containsExactly(true, false);
  }

  @Test
  void shouldTakeFailurePolicyFromMetadataUnlessGivenAtTopLevel() {
    ObjectNode document =
        Fixtures.blueprint("valid/legacy-metadata-failure-policy.json").deepCopy();
    assertThat(compile(document).failurePolicy()).isEqualTo(FailurePolicy.ALWAYS_CONTINUE);

    document.put("failure_policy", "halt_on_first_error");
    assertThat(compile(document).failurePolicy()).isEqualTo(FailurePolicy.HALT_ON_FIRST_ERROR);
  }

  @Test
  void shouldHashEqualDocumentsAlikeWhateverTheirKeyOrderAndSpacing() throws Exception {
    // given
    JsonNode compact =
        IceosJson.mapper()
            .readTree("{\"nodes\":[{\"id\":\"a\",\"type\":\"tool\",\"tool_name\":\"echo\"}]}");
    JsonNode reordered =
        IceosJson.mapper()
            .readTree(
                "{ \"nodes\" : [ { \"tool_name\" : \"echo\", \"type\" : \"tool\", \"id\" : \"a\" } ] }");
    JsonNode changed =
        IceosJson.mapper()
            .readTree("{\"nodes\":[{\"id\":\"a\",\"type\":\"tool\",\"tool_name\":\"sleep\"}]}");

    // then
    assertThat(compile(compact).contentHash()).isEqualTo(compile(reordered).contentHash());
    assertThat(compile(compact).contentHash()).isNotEqualTo(compile(changed).contentHash());
    assertThat(new String(ContentHash.canonical(reordered)))
        .isEqualTo("{\"nodes\":[{\"id\":\"a\",\"tool_name\":\"echo\",\"type\":\"tool\"}]}");
  }

  @Test
  void shouldCompileAThousandNodeChainIntoAThousandLevels() {
    ExecutionPlan plan = compile(chain(1000, "llm"));

    assertThat(plan.levels()).hasSize(1000);
    assertThat(plan.nodes().getLast().level()).isEqualTo(999);
    assertThat(plan.estimatedCost().durationSeconds()).isEqualTo(1000.0);
  }

  /** n nodes, each depending on the previous and reading its output in a template. */
  static ObjectNode chain(int n, String type) {
    ObjectNode document = IceosJson.mapper().createObjectNode();
    ArrayNode nodes = document.putArray("nodes");
    for (int i = 0; i < n; i++) {
      ObjectNode node = nodes.addObject().put("id", "n" + i).put("type", type);
      String text = i == 0 ? "{{ inputs.topic }}" : "{{ n" + (i - 1) + ".text }}";
      if (type.equals("llm")) {
        node.put("model", "gpt-4o").put("prompt", "Continue: " + text);
      } else {
        node.put("tool_name", "echo").putObject("tool_args").put("text", text);
      }
      if (i > 0) {
        node.putArray("dependencies").add("n" + (i - 1));
      }
    }
    return document;
  }

  private ExecutionPlan compile(JsonNode document) {
    CompileResult result = compiler.compile(document);
    assertThat(result).isInstanceOf(CompileResult.Compiled.class);
    return ((CompileResult.Compiled) result).plan();
  }
}
