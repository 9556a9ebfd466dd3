package ai.iceos.gateway.provider;

import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.ChatResponse;
import ai.iceos.gateway.chat.FinishReason;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.TokenUsage;
import ai.iceos.gateway.chat.ToolCall;
import ai.iceos.gateway.chat.ToolChoice;
import ai.iceos.gateway.chat.ToolDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Anthropic Messages API wire format. System and developer messages become {@code system}; tool
 * calls become {@code tool_use} blocks and tool results {@code tool_result} blocks of a user turn
 * (consecutive results share one turn); a JSON {@code response_format} becomes a system
 * instruction, since the API has no JSON mode. Prompt tokens = {@code input_tokens} + {@code
 * cache_read_input_tokens} + {@code cache_creation_input_tokens}; the cache reads are the cached
 * part.
 */
final class AnthropicWire {
  static final String VERSION = "2023-06-01";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper PARSER = new ObjectMapper();
  private static final int DEFAULT_MAX_TOKENS = 4096;

  private AnthropicWire() {}

  static ObjectNode request(ChatRequest request, boolean stream) {
    ObjectNode body = JSON.objectNode().put("model", request.model());
    body.put("max_tokens", request.maxTokens() != null ? request.maxTokens() : DEFAULT_MAX_TOKENS);
    String system = system(request);
    if (!system.isEmpty()) {
      body.put("system", system);
    }
    body.set("messages", messages(request.messages()));
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      request.tools().forEach(tool -> tools.add(tool(tool)));
      body.set("tool_choice", toolChoice(request.toolChoice()));
    }
    if (request.temperature() != null) {
      body.put("temperature", Math.min(1.0, request.temperature()));
    }
    if (!request.stop().isEmpty()) {
      ArrayNode stop = body.putArray("stop_sequences");
      request.stop().forEach(stop::add);
    }
    if (stream) {
      body.put("stream", true);
    }
    return body;
  }

  static ChatResponse response(ChatRequest request, JsonNode body) {
    StringBuilder text = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode block : body.path("content")) {
      switch (block.path("type").asText()) {
        case "text" -> text.append(block.path("text").asText());
        case "tool_use" ->
            calls.add(
                ToolCall.function(
                    block.path("id").asText(),
                    block.path("name").asText(),
                    block.path("input").toString()));
        default -> {
          // thinking and other blocks are not part of the OpenAI answer
        }
      }
    }
    String content = text.isEmpty() && !calls.isEmpty() ? null : text.toString();
    return new ChatResponse(
        request.model(),
        new ChatMessage(Role.ASSISTANT, content, calls, null, null),
        finishReason(body.path("stop_reason").asText()),
        usage(body.path("usage"), 0));
  }

  static TokenUsage usage(JsonNode usage, long knownInput) {
    long cacheRead = usage.path("cache_read_input_tokens").asLong(0);
    long input =
        usage.has("input_tokens")
            ? usage.path("input_tokens").asLong()
                + cacheRead
                + usage.path("cache_creation_input_tokens").asLong(0)
            : knownInput;
    return new TokenUsage(input, Math.min(cacheRead, input), usage.path("output_tokens").asLong());
  }

  static FinishReason finishReason(String stopReason) {
    return switch (stopReason) {
      case "max_tokens" -> FinishReason.LENGTH;
      case "tool_use" -> FinishReason.TOOL_CALLS;
      case "refusal" -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.STOP;
    };
  }

  private static String system(ChatRequest request) {
    List<String> parts = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      if (message.role() == Role.SYSTEM || message.role() == Role.DEVELOPER) {
        parts.add(message.text());
      }
    }
    if (request.jsonResponse()) {
      parts.add(
          request
              .responseSchema()
              .map(schema -> "Answer with only a JSON object matching this JSON Schema: " + schema)
              .orElse("Answer with only a JSON object."));
    }
    return String.join("\n\n", parts);
  }

  private static ArrayNode messages(List<ChatMessage> messages) {
    ArrayNode turns = JSON.arrayNode();
    for (ChatMessage message : messages) {
      switch (message.role()) {
        case SYSTEM, DEVELOPER -> {
          // sent as the top-level system prompt
        }
        case USER -> turns.addObject().put("role", "user").put("content", message.text());
        case ASSISTANT -> turns.add(assistant(message));
        case TOOL -> toolResultTurn(turns).add(toolResult(message));
      }
    }
    return turns;
  }

  private static ObjectNode assistant(ChatMessage message) {
    ObjectNode turn = JSON.objectNode().put("role", "assistant");
    if (message.toolCalls().isEmpty()) {
      return turn.put("content", message.text());
    }
    ArrayNode blocks = turn.putArray("content");
    if (message.content() != null && !message.content().isEmpty()) {
      blocks.addObject().put("type", "text").put("text", message.content());
    }
    for (ToolCall call : message.toolCalls()) {
      blocks
          .addObject()
          .put("type", "tool_use")
          .put("id", call.id())
          .put("name", call.function().name())
          .set("input", arguments(call.function().arguments()));
    }
    return turn;
  }

  /** The content array of the user turn that collects consecutive tool results. */
  private static ArrayNode toolResultTurn(ArrayNode turns) {
    JsonNode last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
    if (last != null
        && "user".equals(last.path("role").asText())
        && last.path("content").isArray()
        && "tool_result".equals(last.path("content").path(0).path("type").asText())) {
      return (ArrayNode) last.get("content");
    }
    return turns.addObject().put("role", "user").putArray("content");
  }

  private static ObjectNode toolResult(ChatMessage message) {
    return JSON.objectNode()
        .put("type", "tool_result")
        .put("tool_use_id", message.toolCallId() == null ? "" : message.toolCallId())
        .put("content", message.text());
  }

  private static ObjectNode tool(ToolDefinition tool) {
    ObjectNode node = JSON.objectNode().put("name", tool.name());
    if (tool.function().description() != null) {
      node.put("description", tool.function().description());
    }
    JsonNode schema = tool.function().parameters();
    node.set("input_schema", schema != null ? schema : JSON.objectNode().put("type", "object"));
    return node;
  }

  private static ObjectNode toolChoice(ToolChoice choice) {
    return switch (choice) {
      case ToolChoice.Auto auto -> JSON.objectNode().put("type", "auto");
      case ToolChoice.None none -> JSON.objectNode().put("type", "none");
      case ToolChoice.Required required -> JSON.objectNode().put("type", "any");
      case ToolChoice.Named named ->
          JSON.objectNode().put("type", "tool").put("name", named.name());
    };
  }

  /** Tool-call arguments as the JSON object Anthropic expects; non-objects are wrapped. */
  static JsonNode arguments(String arguments) {
    try {
      JsonNode parsed = PARSER.readTree(arguments);
      return parsed != null && parsed.isObject()
          ? parsed
          : JSON.objectNode().set("value", parsed == null ? JSON.nullNode() : parsed);
    } catch (IOException e) {
      return JSON.objectNode().put("value", arguments);
    }
  }
}
