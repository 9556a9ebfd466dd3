package ai.iceos.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.FinishReason;
import ai.iceos.gateway.chat.FunctionDefinition;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.ToolCall;
import ai.iceos.gateway.chat.ToolChoice;
import ai.iceos.gateway.chat.ToolDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineProviderTest extends LlmProviderContractTest {
  private final OfflineProvider offline = new OfflineProvider(METER, Runnable::run);

  @Override
  protected LlmProvider provider() {
    return offline;
  }

  @Override
  protected String model() {
    return "gpt-4o";
  }

  @Test
  void shouldEchoTheLastUserMessage() {
    var request =
        ChatRequest.of(
            "gpt-4o",
            List.of(
                ChatMessage.of(Role.SYSTEM, "You are terse."),
                ChatMessage.of(Role.USER, "first"),
                ChatMessage.of(Role.ASSISTANT, "ECHO::first"),
                ChatMessage.of(Role.USER, "second question")));

    var response = complete(request);

    assertThat(response.message().content()).isEqualTo("ECHO::second question");
    assertThat(response.message().toolCalls()).isEmpty();
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.model()).isEqualTo("gpt-4o");
  }

  @Test
  void shouldCountTokensWithTheModelsTokenizer() {
    var messages = List.of(ChatMessage.of(Role.USER, "Summarise the quarterly report"));

    var response = complete(ChatRequest.of("gpt-4o", messages));

    assertThat(response.usage().promptTokens())
        .isEqualTo(METER.countPrompt("gpt-4o", messages, List.of()));
    assertThat(response.usage().completionTokens())
        .isEqualTo(METER.count("gpt-4o", "ECHO::Summarise the quarterly report"));
    assertThat(response.usage().totalTokens())
        .isEqualTo(response.usage().promptTokens() + response.usage().completionTokens());
  }

  @Test
  void shouldCallTheToolNamedInTheLastUserMessageWithSchemaArguments() throws Exception {
    var request =
        ChatRequest.of("gpt-4o", List.of(ChatMessage.of(Role.USER, "please use weather now")))
            .withTools(
                List.of(tool("search", SEARCH_SCHEMA), tool("weather", WEATHER_SCHEMA)), null);

    var response = complete(request);

    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.message().content()).isNull();
    assertThat(response.message().toolCalls()).hasSize(1);
    ToolCall call = response.message().toolCalls().getFirst();
    assertThat(call.id()).startsWith("call_");
    assertThat(call.function().name()).isEqualTo("weather");
    JsonNode arguments = JSON.readTree(call.function().arguments());
    assertThat(arguments.get("city").asText()).isEqualTo("please use weather now");
    assertThat(arguments.get("unit").asText()).isEqualTo("celsius");
    assertThat(arguments.get("days").asInt()).isEqualTo(1);
    assertThat(arguments.get("hourly").asBoolean()).isFalse();
    assertThat(arguments.get("where").get("lat").isNumber()).isTrue();
    assertThat(response.usage().completionTokens())
        .isEqualTo(METER.countToolCalls("gpt-4o", List.of(call)));
  }

  @Test
  void shouldCallTheToolNamedEarliestAndIgnorePartialWords() {
    var tools = List.of(tool("search", null), tool("weather", null), tool("sum", null));

    assertThat(calledTool("weather first, then search", tools)).isEqualTo("weather");
    assertThat(calledTool("summary of search results", tools)).isEqualTo("search");
  }

  @Test
  void shouldCallTheFirstToolWhenNoneIsNamed() {
    var tools = List.of(tool("search", SEARCH_SCHEMA), tool("weather", WEATHER_SCHEMA));

    assertThat(calledTool("hello there", tools)).isEqualTo("search");
  }

  @Test
  void shouldHonourToolChoice() {
    var tools = List.of(tool("search", null), tool("weather", null));
    var messages = List.of(ChatMessage.of(Role.USER, "use search"));

    var none = complete(ChatRequest.of("gpt-4o", messages).withTools(tools, new ToolChoice.None()));
    var named =
        complete(
            ChatRequest.of("gpt-4o", messages).withTools(tools, new ToolChoice.Named("weather")));

    assertThat(none.message().content()).isEqualTo("ECHO::use search");
    assertThat(named.message().toolCalls().getFirst().function().name()).isEqualTo("weather");
  }

  @Test
  void shouldEchoTheToolResultAfterTheCall() {
    var call = ToolCall.function("call_1", "weather", "{}");
    var request =
        ChatRequest.of(
                "gpt-4o",
                List.of(
                    ChatMessage.of(Role.USER, "weather please"),
                    ChatMessage.assistantCalling(List.of(call)),
                    ChatMessage.toolResult("call_1", "{\"temp\":21}")))
            .withTools(List.of(tool("weather", WEATHER_SCHEMA)), null);

    var response = complete(request);

    assertThat(response.message().content()).isEqualTo("ECHO::{\"temp\":21}");
    assertThat(response.message().toolCalls()).isEmpty();
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void shouldBeDeterministic() {
    var request =
        ChatRequest.of("gpt-4o", List.of(ChatMessage.of(Role.USER, "weather")))
            .withTools(List.of(tool("weather", WEATHER_SCHEMA)), null);

    assertThat(complete(request)).isEqualTo(complete(request));
  }

  private String calledTool(String userText, List<ToolDefinition> tools) {
    var request =
        ChatRequest.of("gpt-4o", List.of(ChatMessage.of(Role.USER, userText)))
            .withTools(tools, null);
    return complete(request).message().toolCalls().getFirst().function().name();
  }

  private static ToolDefinition tool(String name, String schema) {
    try {
      JsonNode parameters = schema == null ? null : JSON.readTree(schema);
      return new ToolDefinition("function", new FunctionDefinition(name, null, parameters));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static final String SEARCH_SCHEMA =
      """
      {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}
      """;

  private static final String WEATHER_SCHEMA =
      """
      {"type": "object", "properties": {
        "city": {"type": "string"},
        "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
        "days": {"type": "integer", "default": 1},
        "hourly": {"type": ["boolean", "null"]},
        "where": {"type": "object", "properties": {"lat": {"type": "number"}}}
      }}
      """;
}
