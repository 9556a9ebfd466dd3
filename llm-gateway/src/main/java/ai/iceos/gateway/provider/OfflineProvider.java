package ai.iceos.gateway.provider;

import ai.iceos.gateway.budget.TokenMeter;
import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.ChatResponse;
import ai.iceos.gateway.chat.FinishReason;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.TokenUsage;
import ai.iceos.gateway.chat.ToolCall;
import ai.iceos.gateway.chat.ToolChoice;
import ai.iceos.gateway.chat.ToolDefinition;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * A deterministic provider that needs no network: it answers {@code ECHO::<the last user message>}.
 * With tools offered (and {@code tool_choice} not {@code none}) it calls, once per user turn, the
 * tool named earliest in the last user message (else the first tool, or the one {@code tool_choice}
 * names), with arguments built from the tool's schema; when the conversation ends with a tool
 * result it answers {@code ECHO::<that result>}. Tokens are counted with the model's real
 * tokenizer, and the answer is cut to {@code max_tokens} ({@code finish_reason: length}).
 * Tokenizing runs on {@code executor}, off the caller's thread.
 */
public final class OfflineProvider implements LlmProvider {
  public static final String NAME = "offline";
  static final String PREFIX = "ECHO::";

  private final TokenMeter meter;
  private final Executor executor;

  public OfflineProvider(TokenMeter meter, Executor executor) {
    this.meter = Objects.requireNonNull(meter, "meter");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Uni<ChatResponse> complete(ChatRequest request) {
    return Uni.createFrom().item(() -> answer(request)).runSubscriptionOn(executor);
  }

  ChatResponse answer(ChatRequest request) {
    int promptTokens = meter.countPrompt(request.model(), request.messages(), request.tools());
    Optional<ChatMessage> last = request.lastMessage();
    if (last.isPresent() && last.get().role() == Role.TOOL) {
      return echo(request, last.get().text(), promptTokens);
    }
    String userText = request.lastUserMessage().map(ChatMessage::text).orElse("");
    return toolToCall(request, userText)
        .map(tool -> callTool(request, tool, userText, promptTokens))
        .orElseGet(() -> echo(request, userText, promptTokens));
  }

  private ChatResponse echo(ChatRequest request, String text, int promptTokens) {
    TokenMeter.Truncated answer = meter.truncate(request.model(), PREFIX + text, limit(request));
    return new ChatResponse(
        request.model(),
        ChatMessage.of(Role.ASSISTANT, answer.text()),
        answer.cut() ? FinishReason.LENGTH : FinishReason.STOP,
        TokenUsage.of(promptTokens, answer.tokens()));
  }

  private ChatResponse callTool(
      ChatRequest request, ToolDefinition tool, String userText, int promptTokens) {
    String arguments = ToolArguments.from(tool.function().parameters(), userText).toString();
    int nameTokens = meter.count(request.model(), tool.name());
    TokenMeter.Truncated cut =
        meter.truncate(request.model(), arguments, Math.max(0, limit(request) - nameTokens));
    ToolCall call = ToolCall.function(callId(request, tool), tool.name(), cut.text());
    return new ChatResponse(
        request.model(),
        ChatMessage.assistantCalling(List.of(call)),
        cut.cut() ? FinishReason.LENGTH : FinishReason.TOOL_CALLS,
        TokenUsage.of(promptTokens, Math.min(limit(request), nameTokens + cut.tokens())));
  }

  private static Optional<ToolDefinition> toolToCall(ChatRequest request, String userText) {
    List<ToolDefinition> tools = request.tools();
    if (tools.isEmpty()) {
      return Optional.empty();
    }
    return switch (request.toolChoice()) {
      case ToolChoice.None none -> Optional.empty();
      case ToolChoice.Named named ->
          tools.stream().filter(t -> t.name().equals(named.name())).findFirst();
      case ToolChoice.Auto auto -> Optional.of(namedIn(tools, userText));
      case ToolChoice.Required required -> Optional.of(namedIn(tools, userText));
    };
  }

  /**
   * The tool whose name occurs first in {@code text} (the longer name on a tie), else the first.
   */
  private static ToolDefinition namedIn(List<ToolDefinition> tools, String text) {
    record Mention(ToolDefinition tool, int at) {}
    return tools.stream()
        .map(tool -> new Mention(tool, indexOfWord(text, tool.name())))
        .filter(mention -> mention.at() >= 0)
        .min(Comparator.comparingInt(Mention::at).thenComparing(m -> -m.tool().name().length()))
        .map(Mention::tool)
        .orElse(tools.getFirst());
  }

  private static int indexOfWord(String text, String word) {
    var matcher =
        Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(word) + "(?![A-Za-z0-9_])")
            .matcher(text);
    return matcher.find() ? matcher.start() : -1;
  }

  private static String callId(ChatRequest request, ToolDefinition tool) {
    String seed = request.model() + "\u0000" + request.messages().size() + "\u0000" + tool.name();
    String hex = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    return "call_" + hex.replace("-", "").substring(0, 24);
  }

  private static int limit(ChatRequest request) {
    return request.maxTokens() == null ? Integer.MAX_VALUE : request.maxTokens();
  }
}
