package ai.iceos.compiler.estimate;

import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.plan.CostEstimate;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates what one execution of a plan costs before it runs.
 *
 * <ul>
 *   <li>Prompt tokens of an llm node: its {@code prompt} and {@code system} templates counted as
 *       written (rendered values are unknown at compile time) with the model's tokenizer.
 *   <li>Completion tokens: the node's {@code max_tokens}, else {@code llm_config.max_tokens}, else
 *       {@link EstimateSettings#defaultCompletionTokens()}.
 *   <li>Money: min = prompts only, max = prompts + full completions, avg = prompts + half
 *       completions; {@code tokens} is the avg case's token count. Tool nodes cost nothing.
 *   <li>Duration: the longest dependency path, weighting each llm and tool node by its setting.
 * </ul>
 */
public final class CostEstimator {
  private final EstimateSettings settings;
  private final TokenCounter tokens;

  public CostEstimator(EstimateSettings settings, TokenCounter tokens) {
    this.settings = settings;
    this.tokens = tokens;
  }

  /**
   * @param nodes every node of the plan
   * @param levels node ids per level, level 0 first
   */
  public CostEstimate estimate(List<NodeSpec> nodes, List<List<String>> levels) {
    long minNumerator = 0;
    long doubledAvgNumerator = 0;
    long maxNumerator = 0;
    long promptTokens = 0;
    long completionTokens = 0;
    for (NodeSpec node : nodes) {
      if (node instanceof LlmNodeSpec llm) {
        long prompt = promptTokens(llm);
        long completion = completionTokens(llm);
        ModelPrice price = settings.prices().priceOf(llm.model());
        long in = prompt * price.inputPerMillion();
        long out = completion * price.outputPerMillion();
        minNumerator += in;
        doubledAvgNumerator += 2 * in + out;
        maxNumerator += in + out;
        promptTokens += prompt;
        completionTokens += completion;
      }
      // Other nodes are priced by nobody yet: they add time, not money.
    }
    return new CostEstimate(
        roundedMicros(minNumerator, 1),
        roundedMicros(doubledAvgNumerator, 2),
        roundedMicros(maxNumerator, 1),
        promptTokens + completionTokens / 2,
        criticalPathMillis(nodes, levels) / 1000.0);
  }

  private long promptTokens(LlmNodeSpec llm) {
    long count = tokens.count(llm.model(), llm.prompt());
    return llm.system() == null ? count : count + tokens.count(llm.model(), llm.system());
  }

  private long completionTokens(LlmNodeSpec llm) {
    if (llm.maxTokens() != null) {
      return llm.maxTokens();
    }
    JsonNode configured = llm.llmConfig() == null ? null : llm.llmConfig().get("max_tokens");
    if (configured != null && configured.canConvertToInt() && configured.asInt() > 0) {
      return configured.asInt();
    }
    return settings.defaultCompletionTokens();
  }

  /** Micro-USD from (tokens × micro-USD per million × divisor), rounded half up. */
  private static long roundedMicros(long numerator, long divisor) {
    long scale = 1_000_000L * divisor;
    return (numerator + scale / 2) / scale;
  }

  private long criticalPathMillis(List<NodeSpec> nodes, List<List<String>> levels) {
    Map<String, NodeSpec> byId = new HashMap<>();
    nodes.forEach(node -> byId.put(node.id(), node));
    Map<String, Long> finish = new HashMap<>();
    long longest = 0;
    for (List<String> level : levels) {
      for (String id : level) {
        NodeSpec node = byId.get(id);
        long start =
            node.dependencies().stream().mapToLong(d -> finish.getOrDefault(d, 0L)).max().orElse(0);
        long end = start + durationMillis(node);
        finish.put(id, end);
        longest = Math.max(longest, end);
      }
    }
    return longest;
  }

  private long durationMillis(NodeSpec node) {
    return node instanceof LlmNodeSpec
        ? settings.llmNodeDuration().toMillis()
        : settings.toolNodeDuration().toMillis();
  }
}
