package ai.iceos.gateway.provider;

import ai.iceos.gateway.chat.ChatDelta;
import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.ChatResponse;
import ai.iceos.gateway.chat.FinishReason;
import ai.iceos.gateway.chat.FunctionDefinition;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.TokenUsage;
import ai.iceos.gateway.chat.ToolCall;
import ai.iceos.gateway.chat.ToolCallPart;
import ai.iceos.gateway.chat.ToolChoice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Gemini API wire format ({@code generateContent} / {@code streamGenerateContent}). Assistant
 * turns are role {@code model}; tool calls are {@code functionCall} parts and tool results {@code
 * functionResponse} parts named after the call they answer (Gemini matches results by name). Gemini
 * gives calls no ids, so the gateway numbers them {@code call_<n>} within an answer. Prompt tokens
 * = {@code promptTokenCount} (of which {@code cachedContentTokenCount} cached); completion tokens =
 * {@code candidatesTokenCount} + {@code thoughtsTokenCount}.
 */
final class GoogleWire {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private GoogleWire() {}

  static ObjectNode request(ChatRequest request) {
    ObjectNode body = JSON.objectNode();
    List<String> system = new ArrayList<>();
    ArrayNode contents = body.putArray("contents");
    Map<String, String> callNames = new HashMap<>();
    for (ChatMessage message : request.messages()) {
      switch (message.role()) {
        case SYSTEM, DEVELOPER -> system.add(message.text());
        case USER -> turn(contents, "user").addObject().put("text", message.text());
        case ASSISTANT -> model(contents, message, callNames);
        case TOOL -> toolResult(contents, message, callNames);
      }
    }
    if (!system.isEmpty()) {
      body.putObject("systemInstruction")
          .putArray("parts")
          .addObject()
          .put("text", String.join("\n\n", system));
    }
    if (!request.tools().isEmpty()) {
      ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
      request.tools().forEach(tool -> declarations.add(declaration(tool.function())));
      body.putObject("toolConfig").set("functionCallingConfig", callingConfig(request));
    }
    body.set("generationConfig", generationConfig(request));
    return body;
  }

  static ChatResponse response(ChatRequest request, JsonNode body) {
    GoogleStream numbering = new GoogleStream();
    ChatDelta whole = numbering.next(body);
    List<ToolCall> calls = new ArrayList<>();
    for (ToolCallPart part : whole.toolCalls()) {
      calls.add(ToolCall.function(part.id(), part.name(), part.arguments()));
    }
    String content = whole.content() == null && !calls.isEmpty() ? null : nonNull(whole.content());
    return new ChatResponse(
        request.model(),
        new ChatMessage(Role.ASSISTANT, content, calls, null, null),
        whole.finishReason() != null ? whole.finishReason() : FinishReason.STOP,
        whole.usage() != null ? whole.usage() : TokenUsage.of(0, 0));
  }

  static TokenUsage usage(JsonNode metadata) {
    long prompt = metadata.path("promptTokenCount").asLong(0);
    long cached = Math.min(prompt, metadata.path("cachedContentTokenCount").asLong(0));
    long completion =
        metadata.path("candidatesTokenCount").asLong(0)
            + metadata.path("thoughtsTokenCount").asLong(0);
    return new TokenUsage(prompt, cached, completion);
  }

  static FinishReason finishReason(String reason, boolean calledTools) {
    return switch (reason) {
      case "MAX_TOKENS" -> FinishReason.LENGTH;
      case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII" ->
          FinishReason.CONTENT_FILTER;
      default -> calledTools ? FinishReason.TOOL_CALLS : FinishReason.STOP;
    };
  }

  private static ArrayNode turn(ArrayNode contents, String role) {
    JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
    if (last != null && role.equals(last.path("role").asText())) {
      return (ArrayNode) last.get("parts");
    }
    ObjectNode turn = contents.addObject().put("role", role);
    return turn.putArray("parts");
  }

  private static void model(ArrayNode contents, ChatMessage message, Map<String, String> names) {
    ArrayNode parts = turn(contents, "model");
    if (message.content() != null && !message.content().isEmpty()) {
      parts.addObject().put("text", message.content());
    }
    for (ToolCall call : message.toolCalls()) {
      names.put(call.id(), call.function().name());
      parts
          .addObject()
          .putObject("functionCall")
          .put("name", call.function().name())
          .set("args", AnthropicWire.arguments(call.function().arguments()));
    }
  }

  private static void toolResult(
      ArrayNode contents, ChatMessage message, Map<String, String> names) {
    String name =
        names.getOrDefault(message.toolCallId(), message.name() == null ? "" : message.name());
    JsonNode result = AnthropicWire.arguments(message.text());
    ObjectNode response = JSON.objectNode().put("name", name);
    response.set("response", result);
    turn(contents, "user").addObject().set("functionResponse", response);
  }

  private static ObjectNode declaration(FunctionDefinition function) {
    ObjectNode node = JSON.objectNode().put("name", function.name());
    if (function.description() != null) {
      node.put("description", function.description());
    }
    if (function.parameters() != null) {
      node.set("parameters", function.parameters());
    }
    return node;
  }

  private static ObjectNode callingConfig(ChatRequest request) {
    ObjectNode config = JSON.objectNode();
    switch (request.toolChoice()) {
      case ToolChoice.Auto auto -> config.put("mode", "AUTO");
      case ToolChoice.None none -> config.put("mode", "NONE");
      case ToolChoice.Required required -> config.put("mode", "ANY");
      case ToolChoice.Named named -> {
        config.put("mode", "ANY");
        config.putArray("allowedFunctionNames").add(named.name());
      }
    }
    return config;
  }

  private static ObjectNode generationConfig(ChatRequest request) {
    ObjectNode config = JSON.objectNode();
    if (request.temperature() != null) {
      config.put("temperature", request.temperature());
    }
    if (request.maxTokens() != null) {
      config.put("maxOutputTokens", request.maxTokens());
    }
    if (!request.stop().isEmpty()) {
      ArrayNode stop = config.putArray("stopSequences");
      request.stop().forEach(stop::add);
    }
    if (request.jsonResponse()) {
      config.put("responseMimeType", "application/json");
      request.responseSchema().ifPresent(schema -> config.set("responseJsonSchema", schema));
    }
    return config;
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
