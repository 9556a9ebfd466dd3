package ai.iceos.worker.llm;

import ai.iceos.contracts.blueprint.LlmNodeSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An OpenAI {@code POST /v1/chat/completions} body. Null fields are left out of the JSON.
 *
 * @param maxTokens completion limit, or null for the gateway's model default
 * @param stop stop sequences, or null
 * @param responseFormat {@code json_object} for JSON nodes, else null
 * @param tools the function tools the model may call, or null
 * @param toolChoice {@code auto} when tools are offered, else null
 */
public record ChatCompletionRequest(
    String model,
    List<ChatMessage> messages,
    Double temperature,
    Integer maxTokens,
    Double topP,
    List<String> stop,
    ResponseFormat responseFormat,
    List<ToolDefinition> tools,
    String toolChoice) {
  /** SPEC §1.3: an llm node's default temperature. */
  public static final double DEFAULT_TEMPERATURE = 0.7;

  public ChatCompletionRequest {
    messages = List.copyOf(messages);
    stop = stop == null ? null : List.copyOf(stop);
    tools = tools == null || tools.isEmpty() ? null : List.copyOf(tools);
  }

  /** A request offering no tools. */
  public ChatCompletionRequest(
      String model,
      List<ChatMessage> messages,
      Double temperature,
      Integer maxTokens,
      Double topP,
      List<String> stop,
      ResponseFormat responseFormat) {
    this(model, messages, temperature, maxTokens, topP, stop, responseFormat, null, null);
  }

  /**
   * The first request of an agent: {@code llm_config} settings over the defaults, offering {@code
   * tools} with {@code tool_choice: auto}.
   */
  public static ChatCompletionRequest agent(
      String model, List<ChatMessage> messages, JsonNode config, List<ToolDefinition> tools) {
    Double temperature = number(config, "temperature");
    return new ChatCompletionRequest(
        model,
        messages,
        temperature != null ? temperature : DEFAULT_TEMPERATURE,
        integer(config, "max_tokens"),
        number(config, "top_p"),
        strings(config, "stop_sequences"),
        null,
        tools,
        tools.isEmpty() ? null : "auto");
  }

  /** The same request with {@code messages} as the conversation so far. */
  public ChatCompletionRequest withMessages(List<ChatMessage> conversation) {
    return new ChatCompletionRequest(
        model, conversation, temperature, maxTokens, topP, stop, responseFormat, tools, toolChoice);
  }

  /**
   * The request for an llm node: the node's own fields win over {@code llm_config}, which wins over
   * the defaults.
   *
   * @param system the rendered system message, or null
   * @param prompt the rendered user message
   */
  public static ChatCompletionRequest of(LlmNodeSpec node, String system, String prompt) {
    List<ChatMessage> messages = new ArrayList<>(2);
    if (system != null) {
      messages.add(ChatMessage.system(system));
    }
    messages.add(ChatMessage.user(prompt));
    JsonNode config = node.llmConfig();
    Double temperature =
        node.temperature() != null ? node.temperature() : number(config, "temperature");
    Integer maxTokens = node.maxTokens() != null ? node.maxTokens() : integer(config, "max_tokens");
    return new ChatCompletionRequest(
        node.model(),
        messages,
        temperature != null ? temperature : DEFAULT_TEMPERATURE,
        maxTokens,
        number(config, "top_p"),
        strings(config, "stop_sequences"),
        isJson(node) ? ResponseFormat.jsonObject() : null);
  }

  /** Whether the node asks for a JSON answer ({@code response_format: json}). */
  public static boolean isJson(LlmNodeSpec node) {
    return "json".equalsIgnoreCase(node.responseFormat());
  }

  private static Double number(JsonNode config, String field) {
    JsonNode value = config == null ? null : config.get(field);
    return value != null && value.isNumber() ? value.doubleValue() : null;
  }

  private static Integer integer(JsonNode config, String field) {
    JsonNode value = config == null ? null : config.get(field);
    return value != null && value.canConvertToInt() ? value.intValue() : null;
  }

  private static List<String> strings(JsonNode config, String field) {
    JsonNode value = config == null ? null : config.get(field);
    if (value == null || !value.isArray() || value.isEmpty()) {
      return null;
    }
    List<String> items = new ArrayList<>();
    value.forEach(item -> items.add(item.asText()));
    return items;
  }
}
