package ai.iceos.gateway.provider;

import ai.iceos.gateway.chat.TokenUsage;
import ai.iceos.gateway.chat.ToolCall;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the gateway takes from a whole OpenAI {@code chat.completion}: the first choice's text, tool
 * calls and finish reason, and the usage. Read with Jackson's streaming parser straight from the
 * answer's bytes, skipping everything else (decision 0146): no tree of the whole answer is built.
 * The values are those a {@code JsonNode} reading gave: text that is not a JSON string is absent, a
 * tool call's missing {@code id} or {@code name} is empty, missing {@code arguments} are {@code
 * {}}; usage is present when the {@code usage} object has {@code prompt_tokens}, and counts are
 * read as {@code asLong} reads them (a missing or unreadable count is 0).
 *
 * @param content the message's text, null when absent or not a string
 * @param toolCalls the message's tool calls, in order
 * @param finishReason the choice's {@code finish_reason} as text, empty when absent
 * @param usage the provider's usage, empty when it sent none
 */
record OpenAiAnswer(
    String content, List<ToolCall> toolCalls, String finishReason, Optional<TokenUsage> usage) {
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * Reads {@code body}.
   *
   * @throws IOException when it is not well-formed JSON up to the end of its top-level value
   */
  static OpenAiAnswer parse(byte[] body) throws IOException {
    try (JsonParser parser = JSON.createParser(body)) {
      Reading reading = new Reading();
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        reading.answer(parser);
      } else {
        parser.skipChildren();
      }
      return reading.result();
    }
  }

  /** The fields found so far. */
  private static final class Reading {
    private String content;
    private List<ToolCall> toolCalls = List.of();
    private String finishReason = "";
    private boolean hasUsage;
    private long prompt;
    private long cached;
    private boolean hasCached;
    private long cacheHit;
    private long completion;

    OpenAiAnswer result() {
      Optional<TokenUsage> usage =
          hasUsage
              ? Optional.of(
                  new TokenUsage(
                      prompt, Math.min(hasCached ? cached : cacheHit, prompt), completion))
              : Optional.empty();
      return new OpenAiAnswer(content, toolCalls, finishReason, usage);
    }

    void answer(JsonParser parser) throws IOException {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("choices".equals(field) && value == JsonToken.START_ARRAY) {
          choices(parser);
        } else if ("usage".equals(field) && value == JsonToken.START_OBJECT) {
          usage(parser);
        } else {
          if ("usage".equals(field)) {
            clearUsage();
          } else if ("choices".equals(field)) {
            clearChoice();
          }
          parser.skipChildren();
        }
      }
    }

    private void choices(JsonParser parser) throws IOException {
      clearChoice();
      boolean first = true;
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_ARRAY;
          token = parser.nextToken()) {
        if (first && token == JsonToken.START_OBJECT) {
          choice(parser);
        } else {
          parser.skipChildren();
        }
        first = false;
      }
    }

    private void choice(JsonParser parser) throws IOException {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("message".equals(field)) {
          content = null;
          toolCalls = List.of();
          if (value == JsonToken.START_OBJECT) {
            message(parser);
          } else {
            parser.skipChildren();
          }
        } else if ("finish_reason".equals(field)) {
          finishReason = asText(parser, value);
        } else {
          parser.skipChildren();
        }
      }
    }

    private void message(JsonParser parser) throws IOException {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("content".equals(field)) {
          content = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          parser.skipChildren();
        } else if ("tool_calls".equals(field)) {
          toolCalls = value == JsonToken.START_ARRAY ? toolCalls(parser) : List.of();
          parser.skipChildren();
        } else {
          parser.skipChildren();
        }
      }
    }

    /** Every element of the array, as the tree reading gave: a non-object is a call of empties. */
    private static List<ToolCall> toolCalls(JsonParser parser) throws IOException {
      List<ToolCall> calls = new ArrayList<>();
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_ARRAY;
          token = parser.nextToken()) {
        String id = "";
        String name = "";
        String arguments = "{}";
        if (token == JsonToken.START_OBJECT) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("id".equals(field)) {
              id = asText(parser, value);
            } else if ("function".equals(field)) {
              name = "";
              arguments = "{}";
              if (value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                  String part = parser.currentName();
                  JsonToken partValue = parser.nextToken();
                  if ("name".equals(part)) {
                    name = asText(parser, partValue);
                  } else if ("arguments".equals(part)) {
                    arguments =
                        partValue == JsonToken.VALUE_NULL ? "{}" : asText(parser, partValue);
                  } else {
                    parser.skipChildren();
                  }
                }
              } else {
                parser.skipChildren();
              }
            } else {
              parser.skipChildren();
            }
          }
        } else {
          parser.skipChildren();
        }
        calls.add(ToolCall.function(id, name, arguments));
      }
      return List.copyOf(calls);
    }

    private void usage(JsonParser parser) throws IOException {
      clearUsage();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "prompt_tokens" -> {
            hasUsage = true;
            prompt = parser.getValueAsLong(0);
          }
          case "completion_tokens" -> completion = parser.getValueAsLong(0);
          case "prompt_cache_hit_tokens" -> cacheHit = parser.getValueAsLong(0);
          case "prompt_tokens_details" -> {
            hasCached = false;
            if (value == JsonToken.START_OBJECT) {
              details(parser);
            }
          }
          default -> {
            // not read
          }
        }
        parser.skipChildren();
      }
    }

    private void details(JsonParser parser) throws IOException {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("cached_tokens".equals(field)) {
          hasCached = isNumber(parser, value);
          cached = parser.getValueAsLong(0);
        }
        parser.skipChildren();
      }
    }

    private void clearChoice() {
      content = null;
      toolCalls = List.of();
      finishReason = "";
    }

    private void clearUsage() {
      hasUsage = false;
      prompt = 0;
      completion = 0;
      cacheHit = 0;
      cached = 0;
      hasCached = false;
    }
  }

  /** A scalar's text as {@code JsonNode.asText()} gives it; a container's is empty. */
  private static String asText(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
      parser.skipChildren();
      return "";
    }
    return parser.getText();
  }

  /** Whether {@code asLong(default)} reads a count here rather than giving its default. */
  private static boolean isNumber(JsonParser parser, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> true;
      case VALUE_STRING -> {
        String text = parser.getText();
        yield NumberInput.parseAsLong(text, 0) == NumberInput.parseAsLong(text, 1);
      }
      default -> false;
    };
  }
}
