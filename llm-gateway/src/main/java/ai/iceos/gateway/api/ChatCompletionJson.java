package ai.iceos.gateway.api;

import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ToolCall;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link ChatCompletionView} as the JSON the REST mapper writes for it (snake_case, null
 * fields left out, an empty {@code tool_calls} left out), field by field with Jackson's generator
 * (decision 0146): the mapper's bean serializers call each record accessor reflectively, which cost
 * more than the rest of writing the answer. {@code ChatCompletionJsonTest} holds the two to the
 * same bytes.
 */
final class ChatCompletionJson {
  private static final JsonFactory JSON = new JsonFactory();

  private ChatCompletionJson() {}

  static byte[] write(ChatCompletionView view) {
    var bytes = new ByteArrayOutputStream(512);
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      out.writeStartObject();
      stringField(out, "id", view.id());
      stringField(out, "object", view.object());
      out.writeNumberField("created", view.created());
      stringField(out, "model", view.model());
      stringField(out, "provider", view.provider());
      if (view.choices() != null) {
        out.writeArrayFieldStart("choices");
        for (ChatCompletionView.Choice choice : view.choices()) {
          choice(out, choice);
        }
        out.writeEndArray();
      }
      if (view.usage() != null) {
        usage(out, view.usage());
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void choice(JsonGenerator out, ChatCompletionView.Choice choice)
      throws IOException {
    out.writeStartObject();
    out.writeNumberField("index", choice.index());
    if (choice.message() != null) {
      out.writeFieldName("message");
      message(out, choice.message());
    }
    if (choice.finishReason() != null) {
      out.writeStringField("finish_reason", choice.finishReason().wireName());
    }
    out.writeEndObject();
  }

  private static void message(JsonGenerator out, ChatMessage message) throws IOException {
    out.writeStartObject();
    out.writeStringField("role", message.role().wireName());
    stringField(out, "content", message.content());
    if (!message.toolCalls().isEmpty()) {
      out.writeArrayFieldStart("tool_calls");
      for (ToolCall call : message.toolCalls()) {
        out.writeStartObject();
        out.writeStringField("id", call.id());
        out.writeStringField("type", call.type());
        out.writeObjectFieldStart("function");
        out.writeStringField("name", call.function().name());
        out.writeStringField("arguments", call.function().arguments());
        out.writeEndObject();
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    stringField(out, "tool_call_id", message.toolCallId());
    stringField(out, "name", message.name());
    out.writeEndObject();
  }

  private static void usage(JsonGenerator out, ChatCompletionView.UsageView usage)
      throws IOException {
    out.writeObjectFieldStart("usage");
    out.writeNumberField("prompt_tokens", usage.promptTokens());
    out.writeNumberField("completion_tokens", usage.completionTokens());
    out.writeNumberField("total_tokens", usage.totalTokens());
    if (usage.costUsd() != null) {
      out.writeNumberField("cost_usd", usage.costUsd());
    }
    if (usage.cacheHit() != null) {
      out.writeBooleanField("cache_hit", usage.cacheHit());
    }
    out.writeEndObject();
  }

  private static void stringField(JsonGenerator out, String name, String value) throws IOException {
    if (value != null) {
      out.writeStringField(name, value);
    }
  }
}
