package ai.iceos.compiler.estimate;

import static org.assertj.core.api.Assertions.assertThat;

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
    CostEstimate estimate = estimator(SIMPLE).estimate(List.of(llm), List.of(List.of("a")));

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

    CostEstimate estimate =
        estimator(SIMPLE).estimate(List.of(configured, unset), List.of(List.of("a", "b")));

    assertThat(estimate.maxMicroUsd()).isEqualTo(2L * prompt + 2 * (100 + 256));
  }

  @Test
  void shouldPriceUnknownModelsAtZeroButStillCountTheirTokens() {
    CostEstimate estimate =
        estimator(PriceTable.standard())
            .estimate(List.of(llm("a", "llama3", 10, null)), List.of(List.of("a")));

    assertThat(estimate.maxMicroUsd()).isZero();
    assertThat(estimate.tokens()).isPositive();
  }

  @Test
  void shouldSumDurationsAlongTheCriticalPath() {
    // given: llm a; tools b, c after a; llm d after b and c; tool e alone
    List<NodeSpec> nodes =
        List.of(
            llm("a", "test-model", 1, null),
            ToolNodeSpec.of("b", "echo", null, "a"),
            ToolNodeSpec.of("c", "echo", null, "a"),
            LlmNodeSpec.of("d", "test-model", "x", "b", "c"),
            ToolNodeSpec.of("e", "echo", null));

    // when
    CostEstimate estimate =
        estimator(SIMPLE)
            .estimate(nodes, List.of(List.of("a", "e"), List.of("b", "c"), List.of("d")));

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
