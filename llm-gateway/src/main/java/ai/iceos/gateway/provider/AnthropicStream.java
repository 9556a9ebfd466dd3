package ai.iceos.gateway.provider;

import ai.iceos.gateway.chat.ChatDelta;
import ai.iceos.gateway.chat.TokenUsage;
import ai.iceos.gateway.chat.ToolCallPart;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the events of one Anthropic Messages stream ({@code message_start}, {@code
 * content_block_start}, {@code content_block_delta}, {@code message_delta}, {@code error} …) into
 * deltas. It remembers the input tokens of {@code message_start} (the final usage arrives in {@code
 * message_delta}) and which content block is which tool call. One per stream.
 */
final class AnthropicStream {
  private final String provider;
  private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
  private JsonNode startUsage = MissingNode.getInstance();

  AnthropicStream(String provider) {
    this.provider = provider;
  }

  Optional<ChatDelta> next(String event, JsonNode data) {
    return switch (event) {
      case "message_start" -> {
        startUsage = data.path("message").path("usage");
        yield Optional.empty();
      }
      case "content_block_start" -> blockStart(data);
      case "content_block_delta" -> blockDelta(data);
      case "message_delta" -> Optional.of(finish(data));
      case "error" -> throw failure(data.path("error"));
      default -> Optional.empty();
    };
  }

  private Optional<ChatDelta> blockStart(JsonNode data) {
    JsonNode block = data.path("content_block");
    if (!"tool_use".equals(block.path("type").asText())) {
      return Optional.empty();
    }
    int toolIndex = toolIndexByBlock.size();
    toolIndexByBlock.put(data.path("index").asInt(), toolIndex);
    var part =
        new ToolCallPart(toolIndex, block.path("id").asText(), block.path("name").asText(), null);
    return Optional.of(new ChatDelta(null, List.of(part), null, null));
  }

  private Optional<ChatDelta> blockDelta(JsonNode data) {
    JsonNode delta = data.path("delta");
    return switch (delta.path("type").asText()) {
      case "text_delta" -> Optional.of(ChatDelta.text(delta.path("text").asText()));
      case "input_json_delta" -> {
        Integer toolIndex = toolIndexByBlock.get(data.path("index").asInt());
        yield toolIndex == null
            ? Optional.empty()
            : Optional.of(
                new ChatDelta(
                    null,
                    List.of(
                        new ToolCallPart(
                            toolIndex, null, null, delta.path("partial_json").asText())),
                    null,
                    null));
      }
      default -> Optional.empty();
    };
  }

  private ChatDelta finish(JsonNode data) {
    JsonNode usage = data.path("usage");
    TokenUsage start = AnthropicWire.usage(startUsage, 0);
    TokenUsage tokens =
        usage.has("input_tokens")
            ? AnthropicWire.usage(usage, 0)
            : new TokenUsage(
                start.promptTokens(),
                start.cachedPromptTokens(),
                usage.path("output_tokens").asLong());
    return ChatDelta.finish(
        AnthropicWire.finishReason(data.path("delta").path("stop_reason").asText()), tokens);
  }

  private ProviderFailure failure(JsonNode error) {
    int status =
        switch (error.path("type").asText()) {
          case "overloaded_error" -> 529;
          case "rate_limit_error" -> 429;
          case "api_error" -> 500;
          default -> 400;
        };
    return new ProviderFailure(
        provider, status, null, "stream error " + error.path("type").asText());
  }
}
