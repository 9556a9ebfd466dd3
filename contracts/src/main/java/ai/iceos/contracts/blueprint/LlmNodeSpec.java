package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A node that calls a model through llm-gateway. {@code prompt} and {@code system} are templates.
 *
 * @param model the model name (routed by the gateway)
 * @param prompt the user message template
 * @param llmConfig provider, temperature, max_tokens, top_p, stop_sequences…; or null
 * @param temperature 0..2, or null for 0.7
 * @param maxTokens completion limit, or null for the gateway's model default
 * @param system the system message template, or null
 * @param responseFormat {@code text} or {@code json}, or null for text
 */
public record LlmNodeSpec(
    String id,
    String name,
    List<String> dependencies,
    Integer timeoutSeconds,
    Integer retries,
    Double backoffSeconds,
    RetryPolicy retryPolicy,
    JsonNode inputSchema,
    JsonNode outputSchema,
    Map<String, InputMapping> inputMappings,
    Map<String, String> outputMappings,
    Boolean useCache,
    JsonNode metadata,
    String provider,
    String model,
    String prompt,
    JsonNode llmConfig,
    Double temperature,
    Integer maxTokens,
    String system,
    String responseFormat)
    implements NodeSpec {
  public LlmNodeSpec {
    dependencies = NodeFields.list(dependencies);
    inputMappings = NodeFields.map(inputMappings);
    outputMappings = NodeFields.map(outputMappings);
    llmConfig = NodeFields.copy(llmConfig);
  }

  /** An llm node with only the essentials, for tests and programmatic blueprints. */
  public static LlmNodeSpec of(String id, String model, String prompt, String... deps) {
    return new LlmNodeSpec(
        id,
        null,
        List.of(deps),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        model,
        prompt,
        null,
        null,
        null,
        null,
        null);
  }

  @Override
  public NodeType kind() {
    return NodeType.LLM;
  }
}
