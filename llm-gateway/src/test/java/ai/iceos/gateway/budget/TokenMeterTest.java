package ai.iceos.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.FunctionDefinition;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.ToolCall;
import ai.iceos.gateway.chat.ToolDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenMeterTest {
  private final TokenMeter meter = new TokenMeter();

  @ParameterizedTest
  @CsvSource({
    "gpt-4o, o200k_base",
    "gpt-4o-mini, o200k_base",
    "o1-preview, o200k_base",
    "o3-mini, o200k_base",
    "o4-mini, o200k_base",
    "gpt-4, cl100k_base",
    "gpt-3.5-turbo, cl100k_base",
    "claude-sonnet-4, cl100k_base",
    "gemini-2.5-flash, cl100k_base"
  })
  void shouldPickTheModelsTokenizer(String model, String encoding) {
    assertThat(meter.encodingName(model)).isEqualTo(encoding);
  }

  @Test
  void shouldCountTextWithTheRealTokenizer() {
    assertThat(meter.count("gpt-4o", "hello world")).isEqualTo(2);
    assertThat(meter.count("gpt-4", "hello world")).isEqualTo(2);
    assertThat(meter.count("gpt-4o", "")).isZero();
    assertThat(meter.count("gpt-4o", null)).isZero();
  }

  @Test
  void shouldCountSpecialTokenTextAsOrdinaryText() {
    assertThat(meter.count("gpt-4o", "<|endoftext|>")).isGreaterThan(1);
  }

  @Test
  void shouldAddThreeTokensPerMessageAndThreeForReplyPriming() {
    var hello = List.of(ChatMessage.of(Role.USER, "Hello"));
    // 3 (message) + 1 ("user") + 1 ("Hello") + 3 (priming), as OpenAI bills gpt-4o
    assertThat(meter.countPrompt("gpt-4o", hello, List.of())).isEqualTo(8);

    var two = List.of(ChatMessage.of(Role.SYSTEM, "Be brief"), ChatMessage.of(Role.USER, "Hello"));
    int system = 3 + meter.count("gpt-4o", "system") + meter.count("gpt-4o", "Be brief");
    assertThat(meter.countPrompt("gpt-4o", two, List.of())).isEqualTo(8 + system);
  }

  @Test
  void shouldCountNamesToolCallsAndOfferedTools() {
    var named = new ChatMessage(Role.USER, "Hello", List.of(), null, "ann");
    assertThat(meter.countPrompt("gpt-4o", List.of(named), List.of()))
        .isEqualTo(8 + 1 + meter.count("gpt-4o", "ann"));

    var call = ToolCall.function("call_1", "lookup", "{\"q\":\"x\"}");
    assertThat(meter.countToolCalls("gpt-4o", List.of(call)))
        .isEqualTo(meter.count("gpt-4o", "lookup") + meter.count("gpt-4o", "{\"q\":\"x\"}"));

    var tool = new ToolDefinition("function", new FunctionDefinition("lookup", "Find", null));
    var hello = List.of(ChatMessage.of(Role.USER, "Hello"));
    assertThat(meter.countPrompt("gpt-4o", hello, List.of(tool)))
        .isEqualTo(8 + meter.count("gpt-4o", "lookup") + meter.count("gpt-4o", "Find"));
  }

  @Test
  void shouldTruncateToMaxTokens() {
    String text = "one two three four five six seven eight";
    var cut = meter.truncate("gpt-4o", text, 3);
    assertThat(cut.cut()).isTrue();
    assertThat(cut.tokens()).isEqualTo(3);
    assertThat(cut.text()).isEqualTo("one two three");

    var whole = meter.truncate("gpt-4o", text, 100);
    assertThat(whole.cut()).isFalse();
    assertThat(whole.text()).isEqualTo(text);
    assertThat(whole.tokens()).isEqualTo(meter.count("gpt-4o", text));
  }

  @ParameterizedTest
  @CsvSource({
    "gpt-4o, hello world",
    "gpt-4, 'Say pong, in one word please.'",
    "gpt-4o, ééééééé ààà",
    "gpt-4, 日本語のテキストです",
    "gpt-4o, 😀😁😂",
    "gpt-4, '    {}[]()!!!???...'"
  })
  void shouldBoundAPromptFromAboveWithoutTokenizing(String model, String text) {
    var messages =
        List.of(
            new ChatMessage(Role.SYSTEM, text, List.of(), null, "bot"),
            new ChatMessage(
                Role.ASSISTANT,
                null,
                List.of(ToolCall.function("call_1", "lookup", "{\"q\":\"" + text + "\"}")),
                null,
                null),
            new ChatMessage(Role.TOOL, text, List.of(), "call_1", null),
            new ChatMessage(Role.USER, text, List.of(), null, null));

    assertThat(TokenMeter.promptBound(messages, List.of()))
        .isGreaterThanOrEqualTo(meter.countPrompt(model, messages, List.of()));
  }

  @Test
  void shouldNotBoundAPromptOfferingTools() {
    var tool = new ToolDefinition("function", new FunctionDefinition("lookup", "Looks up.", null));

    assertThat(
            TokenMeter.promptBound(
                List.of(new ChatMessage(Role.USER, "hi", List.of(), null, null)), List.of(tool)))
        .isEqualTo(Long.MAX_VALUE);
  }
}
