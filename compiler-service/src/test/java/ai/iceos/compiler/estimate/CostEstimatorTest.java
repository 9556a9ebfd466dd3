package ai.iceos.compiler.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.compiler.Fixtures;
import ai.iceos.compiler.catalog.Catalogs;
import ai.iceos.compiler.compile.PlannedGraph;
import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.plan.CostEstimate;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {
  private static final String PROMPT = "Summarize {{ fetch.text }} in three bullet points.";

  /** 1 micro-USD per prompt token, 2 per completion token: easy arithmetic. */
  private static final PriceTable SIMPLE =
      new PriceTable(Map.of("test-model", new ModelPrice(1_000_000, 2_000_000)));

  private static final TokenCounter TOKENS = new TokenCounter();

  private final TokenCounter tokens = TOKENS;

  @Test
  void shouldPriceMinAsPromptMaxAsFullCompletionAndAvgAsHalfCompletion() {
    // given
    int prompt = tokens.count("test-model", PROMPT);
    LlmNodeSpec llm = llm("a", "test-model", 1000, null);

    // when
    CostEstimate estimate = estimate(SIMPLE, llm);

    // then
    assertThat(prompt).isPositive();
    assertThat(estimate.minMicroUsd()).isEqualTo(prompt);
    assertThat(estimate.maxMicroUsd()).isEqualTo(prompt + 2000);
    assertThat(estimate.avgMicroUsd()).isEqualTo(prompt + 1000);
    assertThat(estimate.tokens()).isEqualTo(prompt + 500);
  }

  @Test
  void shouldUseLlmConfigMaxTokensThenTheDefaultCompletion() throws Exception {
    LlmNodeSpec configured =
        llm("a", "test-model", null, IceosJson.mapper().readTree("{\"max_tokens\": 100}"));
    LlmNodeSpec unset = llm("b", "test-model", null, null);
    int prompt = tokens.count("test-model", PROMPT);

    CostEstimate estimate = estimate(SIMPLE, configured, unset);

    assertThat(estimate.maxMicroUsd()).isEqualTo(2L * prompt + 2 * (100 + 256));
  }

  @Test
  void shouldPriceUnknownModelsAtZeroButStillCountTheirTokens() {
    CostEstimate estimate = estimate(PriceTable.standard(), llm("a", "llama3", 10, null));

    assertThat(estimate.maxMicroUsd()).isZero();
    assertThat(estimate.tokens()).isPositive();
  }

  @Test
  void shouldSumDurationsAlongTheCriticalPath() {
    // given: llm a; tools b, c after a; llm d after b and c; tool e alone
    NodeSpec[] nodes = {
      llm("a", "test-model", 1, null),
      ToolNodeSpec.of("b", "echo", null, "a"),
      ToolNodeSpec.of("c", "echo", null, "a"),
      LlmNodeSpec.of("d", "test-model", "x", "b", "c"),
      ToolNodeSpec.of("e", "echo", null)
    };

    // when
    CostEstimate estimate = estimate(SIMPLE, nodes);

    // then
    assertThat(estimate.durationSeconds()).isEqualTo(2.05);
  }

  @Test
  void shouldPriceByTheLongestMatchingModelPrefix() {
    PriceTable table = PriceTable.standard();

    assertThat(table.priceOf("gpt-4o-mini-2024-07-18")).isEqualTo(new ModelPrice(150_000, 600_000));
    assertThat(table.priceOf("gpt-4o-2024-08-06")).isEqualTo(new ModelPrice(2_500_000, 10_000_000));
    assertThat(table.priceOf("claude-3-5-sonnet")).isEqualTo(ModelPrice.FREE);
  }

  @Test
  void shouldCountGpt4oAndOSeriesWithO200kAndOtherModelsWithCl100k() {
    String text = "Привет, мир! こんにちは世界 — naïve café façade";
    EncodingRegistry registry = Encodings.newDefaultEncodingRegistry();
    int o200k = registry.getEncoding(EncodingType.O200K_BASE).countTokens(text);
    int cl100k = registry.getEncoding(EncodingType.CL100K_BASE).countTokens(text);
    assertThat(o200k).isNotEqualTo(cl100k);

    assertThat(tokens.count("gpt-4o", text)).isEqualTo(o200k);
    assertThat(tokens.count("o3-mini", text)).isEqualTo(o200k);
    assertThat(tokens.count("gpt-4-turbo", text)).isEqualTo(cl100k);
    assertThat(tokens.count("ollama/llama3", text)).isEqualTo(cl100k);
  }

  @Test
  void shouldPriceByTheModelCatalogBeforeTheBuiltInTable() {
    // given: the catalog says 3 and 4 micro-USD per token, the table 1 and 2
    int prompt = tokens.count("test-model", PROMPT);
    Catalogs catalogs =
        new Catalogs(
            Map.of(),
            Map.of(),
            Map.of("test-model", Fixtures.model("test-model", 3_000_000, 4_000_000)));

    // when
    CostEstimate estimate = estimate(SIMPLE, catalogs, llm("a", "test-model", 10, null)).total();

    // then
    assertThat(estimate.minMicroUsd()).isEqualTo(3L * prompt);
    assertThat(estimate.maxMicroUsd()).isEqualTo(3L * prompt + 40);
  }

  @Test
  void shouldPriceAnAgentAsOneCallPerIterationWithTheCatalogModelOfItsPackage() throws Exception {
    // given: 3 iterations of the instructions with up to 10 completion tokens each
    NodeSpec agent =
        node(
            "{\"type\":\"agent\",\"id\":\"helper\",\"package\":\"researcher\","
                + "\"instructions\":\""
                + PROMPT
                + "\",\"max_iterations\":3,"
                + "\"llm_config\":{\"max_tokens\":10}}");
    Catalogs catalogs =
        new Catalogs(
            Map.of(), Map.of("researcher", Fixtures.agent("researcher", "test-model")), Map.of());
    int prompt = tokens.count("test-model", PROMPT);

    // when
    CostEstimate estimate = estimate(SIMPLE, catalogs, agent).total();

    // then
    assertThat(estimate.maxMicroUsd()).isEqualTo(3L * (prompt + 20));
    assertThat(estimate.durationSeconds()).isEqualTo(3.0);
  }

  @Test
  void shouldMultiplyALoopBodyByMaxIterationsAndEstimateEveryNode() throws Exception {
    // given: a sequential loop of 4 iterations over one llm call with 10 completion tokens
    NodeSpec loop =
        node(
            "{\"type\":\"loop\",\"id\":\"each\",\"items_source\":\"inputs.xs\","
                + "\"max_iterations\":4,\"body\":[{\"type\":\"llm\",\"id\":\"one\","
                + "\"model\":\"test-model\",\"prompt\":\""
                + PROMPT
                + "\",\"max_tokens\":10}]}");
    int prompt = tokens.count("test-model", PROMPT);

    // when
    PlanEstimate estimate = estimate(SIMPLE, Catalogs.unknown(), loop);

    // then
    assertThat(estimate.byNode().get("one").maxMicroUsd()).isEqualTo(prompt + 20L);
    assertThat(estimate.byNode().get("each").maxMicroUsd()).isEqualTo(4L * (prompt + 20));
    assertThat(estimate.total().maxMicroUsd()).isEqualTo(4L * (prompt + 20));
    assertThat(estimate.total().durationSeconds()).isEqualTo(4.0);
  }

  private static NodeSpec node(String json) throws Exception {
    return IceosJson.mapper().readValue(json, NodeSpec.class);
  }

  private CostEstimate estimate(PriceTable prices, NodeSpec... nodes) {
    return estimate(prices, Catalogs.unknown(), nodes).total();
  }

  private PlanEstimate estimate(PriceTable prices, Catalogs catalogs, NodeSpec... nodes) {
    PlannedGraph graph = PlannedGraph.of(List.of(nodes), true);
    return estimator(prices).estimate(graph.nodes(), graph.levels(), catalogs);
  }

  private CostEstimator estimator(PriceTable prices) {
    return new CostEstimator(
        new EstimateSettings(256, Duration.ofSeconds(1), Duration.ofMillis(50), prices), tokens);
  }

  private static LlmNodeSpec llm(
      String id, String model, Integer maxTokens, com.fasterxml.jackson.databind.JsonNode config) {
    return new LlmNodeSpec(
        id, null, List.of(), null, null, null, null, null, null, null, null, null, null, null,
        model, PROMPT, config, null, maxTokens, null, null);
  }
}
