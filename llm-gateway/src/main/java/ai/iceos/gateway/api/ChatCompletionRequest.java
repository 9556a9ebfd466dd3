package ai.iceos.gateway.api;

import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.ToolCall;
import ai.iceos.gateway.chat.ToolChoice;
import ai.iceos.gateway.chat.ToolDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /v1/chat/completions}, as OpenAI defines it; fields the gateway does not
 * use are ignored. Absent fields are null.
 */
public record ChatCompletionRequest(
    String model,
    List<RequestMessage> messages,
    List<ToolDefinition> tools,
    JsonNode toolChoice,
    JsonNode responseFormat,
    Double temperature,
    Integer maxTokens,
    Integer maxCompletionTokens,
    JsonNode stop,
    Boolean stream) {

  /** One message; {@code content} is a string or a list of {@code {type: text, text}} parts. */
  public record RequestMessage(
      String role, JsonNode content, List<ToolCall> toolCalls, String toolCallId, String name) {}

  /** The provider-neutral request, or a {@link GatewayException} naming the invalid field. */
  ChatRequest toChatRequest() {
    if (model == null || model.isBlank()) {
      throw GatewayException.invalid("'model' is required.", "model");
    }
    if (messages == null || messages.isEmpty()) {
      throw GatewayException.invalid("'messages' must be a non-empty array.", "messages");
    }
    if (temperature != null && (temperature < 0 || temperature > 2)) {
      throw GatewayException.invalid("'temperature' must be between 0 and 2.", "temperature");
    }
    Integer limit = maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
    if (limit != null && limit < 1) {
      throw GatewayException.invalid("'max_tokens' must be at least 1.", "max_tokens");
    }
    return new ChatRequest(
        model.strip(),
        toMessages(),
        tools == null ? List.of() : tools,
        toToolChoice(),
        temperature,
        limit,
        toResponseFormat(),
        toStop());
  }

  private JsonNode toResponseFormat() {
    if (responseFormat == null || responseFormat.isNull()) {
      return null;
    }
    String type = responseFormat.path("type").asText("");
    return switch (type) {
      case "text", "json_object" -> responseFormat;
      case "json_schema" -> {
        if (!responseFormat.path("json_schema").path("name").isTextual()) {
          throw GatewayException.invalid(
              "'response_format.json_schema.name' is required.", "response_format");
        }
        yield responseFormat;
      }
      default -> throw GatewayException.invalid("Unknown response_format type.", "response_format");
    };
  }

  private List<String> toStop() {
    if (stop == null || stop.isNull()) {
      return List.of();
    }
    if (stop.isTextual()) {
      return List.of(stop.asText());
    }
    if (stop.isArray() && stop.size() <= 4) {
      List<String> sequences = new ArrayList<>();
      for (JsonNode sequence : stop) {
        if (!sequence.isTextual()) {
          throw GatewayException.invalid("'stop' entries must be strings.", "stop");
        }
        sequences.add(sequence.asText());
      }
      return sequences;
    }
    throw GatewayException.invalid("'stop' must be a string or up to 4 strings.", "stop");
  }

  private List<ChatMessage> toMessages() {
    List<ChatMessage> converted = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      RequestMessage message = messages.get(i);
      String param = "messages[" + i + "]";
      if (message == null) {
        throw GatewayException.invalid("A message must be an object.", param);
      }
      Role role =
          Role.parse(message.role())
              .orElseThrow(
                  () -> GatewayException.invalid("Unknown message role.", param + ".role"));
      converted.add(
          new ChatMessage(
              role,
              textOf(message.content(), param + ".content"),
              message.toolCalls(),
              message.toolCallId(),
              message.name()));
    }
    return converted;
  }

  private static String textOf(JsonNode content, String param) {
    if (content == null || content.isNull()) {
      return null;
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
          throw GatewayException.invalid("Only text content parts are supported.", param);
        }
        text.append(part.path("text").asText());
      }
      return text.toString();
    }
    throw GatewayException.invalid("'content' must be a string or an array of parts.", param);
  }

  private ToolChoice toToolChoice() {
    if (toolChoice == null || toolChoice.isNull()) {
      return new ToolChoice.Auto();
    }
    if (toolChoice.isTextual()) {
      return switch (toolChoice.asText()) {
        case "auto" -> new ToolChoice.Auto();
        case "none" -> new ToolChoice.None();
        case "required" -> new ToolChoice.Required();
        default -> throw GatewayException.invalid("Unknown tool_choice.", "tool_choice");
      };
    }
    String name = toolChoice.path("function").path("name").asText("");
    if (name.isEmpty()) {
      throw GatewayException.invalid("tool_choice must name a function.", "tool_choice");
    }
    if (tools == null || tools.stream().noneMatch(t -> t.name().equals(name))) {
      throw GatewayException.invalid(
          "tool_choice names a tool that is not offered.", "tool_choice");
    }
    return new ToolChoice.Named(name);
  }
}
