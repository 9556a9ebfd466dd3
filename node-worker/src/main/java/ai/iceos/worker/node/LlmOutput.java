package ai.iceos.worker.node;

import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.worker.llm.ChatCompletionRequest;
import ai.iceos.worker.llm.ChatCompletionResponse;
import ai.iceos.worker.schema.OutputSchema;
import ai.iceos.worker.schema.SchemaValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Builds an llm node's output from the gateway's answer (SPEC §2.2): {@code {response, prompt,
 * model, usage: {prompt_tokens, completion_tokens, total_tokens}, text}}. {@code text} is the
 * assistant content; {@code response} is the same text, or for {@code response_format: json} the
 * parsed JSON value, validated against the node's {@code output_schema} when one is declared.
 */
final class LlmOutput {
  static final String INVALID_OUTPUT = "invalid-output";

  private LlmOutput() {}

  static NodeResult of(
      LlmNodeSpec node, String prompt, ChatCompletionResponse answer, SchemaValidator validator) {
    Usage usage = usage(answer);
    String text =
        answer
            .content()
            .orElseThrow(
                () ->
                    new NodeFailureException(
                        Failure.retryable(INVALID_OUTPUT, "LLM gateway returned no message"),
                        usage));
    JsonNode response =
        ChatCompletionRequest.isJson(node)
            ? parseJson(node, text, usage, validator)
            : TextNode.valueOf(text);
    ObjectNode output = IceosJson.mapper().createObjectNode();
    output.set("response", response);
    output.put("prompt", prompt);
    output.put("model", answer.model() != null ? answer.model() : node.model());
    output
        .putObject("usage")
        .put("prompt_tokens", usage.promptTokens())
        .put("completion_tokens", usage.completionTokens())
        .put("total_tokens", usage.totalTokens());
    output.put("text", text);
    return new NodeResult(output, usage);
  }

  /** The contract usage of one call: cost from {@code usage.cost_usd} in micro-USD, 0 if absent. */
  static Usage usage(ChatCompletionResponse answer) {
    ChatCompletionResponse.TokenUsage tokens = answer.usage();
    if (tokens == null) {
      return new Usage(0, 0, 0, 0, 1);
    }
    return new Usage(
        tokens.promptTokens(),
        tokens.completionTokens(),
        tokens.totalTokens(),
        microUsd(tokens.costUsd()),
        1);
  }

  static long microUsd(BigDecimal usd) {
    return usd == null ? 0 : usd.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValue();
  }

  private static JsonNode parseJson(
      LlmNodeSpec node, String text, Usage usage, SchemaValidator validator) {
    JsonNode parsed;
    try {
      parsed = IceosJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw invalid("Model output is not valid JSON: " + e.getOriginalMessage(), usage);
    }
    if (parsed == null || parsed.isMissingNode()) {
      throw invalid("Model output is empty, JSON expected", usage);
    }
    if (node.outputSchema() != null) {
      List<String> problems =
          validator.validate(OutputSchema.toJsonSchema(node.outputSchema()), parsed);
      if (!problems.isEmpty()) {
        throw invalid(
            "Model output does not match output_schema: " + String.join("; ", problems), usage);
      }
    }
    return parsed;
  }

  private static NodeFailureException invalid(String message, Usage usage) {
    return new NodeFailureException(Failure.retryable(INVALID_OUTPUT, message), usage);
  }
}
