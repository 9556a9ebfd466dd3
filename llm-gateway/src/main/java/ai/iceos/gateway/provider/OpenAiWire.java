package ai.iceos.gateway.provider;

import ai.iceos.gateway.budget.TokenMeter;
import ai.iceos.gateway.chat.ChatDelta;
import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.ChatResponse;
import ai.iceos.gateway.chat.FinishReason;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.TokenUsage;
import ai.iceos.gateway.chat.ToolCall;
import ai.iceos.gateway.chat.ToolCallPart;
import ai.iceos.gateway.chat.ToolChoice;
import ai.iceos.gateway.chat.ToolDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The OpenAI Chat Completions wire format (also spoken by DeepSeek, Groq, Ollama and vLLM): request
 * bodies, answers and stream chunks. Usage comes from {@code usage} ({@code
 * prompt_tokens_details.cached_tokens}, or DeepSeek's {@code prompt_cache_hit_tokens}); an answer
 * without usage is counted with the tokenizer.
 */
final class OpenAiWire {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> COMPLETION_TOKEN_MODELS = List.of("o1", "o3", "o4", "gpt-5");

  private OpenAiWire() {}

  static ObjectNode request(ChatRequest request, boolean stream) {
    ObjectNode body = JSON.objectNode().put("model", request.model());
    ArrayNode messages = body.putArray("messages");
    request.messages().forEach(message -> messages.add(message(message)));
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      request.tools().forEach(tool -> tools.add(tool(tool)));
      body.set("tool_choice", toolChoice(request.toolChoice()));
    }
    if (request.responseFormat() != null) {
      body.set("response_format", request.responseFormat());
    }
    if (request.temperature() != null) {
      body.put("temperature", request.temperature());
    }
    if (request.maxTokens() != null) {
      body.put(maxTokensField(request.model()), request.maxTokens());
    }
    if (!request.stop().isEmpty()) {
      ArrayNode stop = body.putArray("stop");
      request.stop().forEach(stop::add);
    }
    if (stream) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    }
    return body;
  }

  static ChatResponse response(ChatRequest request, OpenAiAnswer body, TokenMeter meter) {
    List<ToolCall> calls = body.toolCalls();
    String content = body.content();
    var answer = new ChatMessage(Role.ASSISTANT, content, calls, null, null);
    TokenUsage usage =
        body.usage()
            .orElseGet(
                () ->
                    TokenUsage.of(
                        meter.countPrompt(request.model(), request.messages(), request.tools()),
                        meter.count(request.model(), content)
                            + meter.countToolCalls(request.model(), calls)));
    return new ChatResponse(request.model(), answer, finishReason(body.finishReason()), usage);
  }

  /** One {@code chat.completion.chunk}; the usage-only last chunk has no choices. */
  static ChatDelta delta(JsonNode chunk) {
    JsonNode choice = chunk.path("choices").path(0);
    JsonNode delta = choice.path("delta");
    List<ToolCallPart> parts = new ArrayList<>();
    for (JsonNode call : delta.path("tool_calls")) {
      JsonNode function = call.path("function");
      parts.add(
          new ToolCallPart(
              call.path("index").asInt(),
              textOrNull(call.path("id")),
              textOrNull(function.path("name")),
              textOrNull(function.path("arguments"))));
    }
    String finish = choice.path("finish_reason").asText(null);
    return new ChatDelta(
        textOrNull(delta.path("content")),
        parts,
        finish == null ? null : finishReason(finish),
        usage(chunk.path("usage")).orElse(null));
  }

  static Optional<TokenUsage> usage(JsonNode usage) {
    if (!usage.isObject() || !usage.has("prompt_tokens")) {
      return Optional.empty();
    }
    long prompt = usage.path("prompt_tokens").asLong();
    long cached =
        usage
            .path("prompt_tokens_details")
            .path("cached_tokens")
            .asLong(usage.path("prompt_cache_hit_tokens").asLong(0));
    return Optional.of(
        new TokenUsage(prompt, Math.min(cached, prompt), usage.path("completion_tokens").asLong()));
  }

  static FinishReason finishReason(String reason) {
    return switch (reason) {
      case "length" -> FinishReason.LENGTH;
      case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
      case "content_filter" -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.STOP;
    };
  }

  private static ObjectNode message(ChatMessage message) {
    ObjectNode node = JSON.objectNode().put("role", message.role().wireName());
    if (message.content() != null || message.toolCalls().isEmpty()) {
      node.put("content", message.text());
    } else {
      node.putNull("content");
    }
    if (!message.toolCalls().isEmpty()) {
      ArrayNode calls = node.putArray("tool_calls");
      for (ToolCall call : message.toolCalls()) {
        ObjectNode function =
            JSON.objectNode()
                .put("name", call.function().name())
                .put("arguments", call.function().arguments());
        calls.addObject().put("id", call.id()).put("type", call.type()).set("function", function);
      }
    }
    if (message.toolCallId() != null) {
      node.put("tool_call_id", message.toolCallId());
    }
    if (message.name() != null) {
      node.put("name", message.name());
    }
    return node;
  }

  private static ObjectNode tool(ToolDefinition tool) {
    ObjectNode function = JSON.objectNode().put("name", tool.name());
    if (tool.function().description() != null) {
      function.put("description", tool.function().description());
    }
    if (tool.function().parameters() != null) {
      function.set("parameters", tool.function().parameters());
    }
    ObjectNode node = JSON.objectNode().put("type", "function");
    node.set("function", function);
    return node;
  }

  private static JsonNode toolChoice(ToolChoice choice) {
    return switch (choice) {
      case ToolChoice.Auto auto -> JSON.textNode("auto");
      case ToolChoice.None none -> JSON.textNode("none");
      case ToolChoice.Required required -> JSON.textNode("required");
      case ToolChoice.Named named -> {
        ObjectNode node = JSON.objectNode().put("type", "function");
        node.putObject("function").put("name", named.name());
        yield node;
      }
    };
  }

  private static String maxTokensField(String model) {
    String name = model.toLowerCase(Locale.ROOT);
    return COMPLETION_TOKEN_MODELS.stream().anyMatch(name::startsWith)
        ? "max_completion_tokens"
        : "max_tokens";
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }
}
