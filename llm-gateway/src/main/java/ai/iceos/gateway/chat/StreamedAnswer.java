package ai.iceos.gateway.chat;

import ai.iceos.gateway.budget.TokenMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the deltas of one streamed answer into a {@link ChatResponse}. When the provider
 * reported no usage (it omits it, or the stream was cut), tokens are counted with the model's
 * tokenizer: the prompt as sent and the completion as received so far. One per stream; not
 * thread-safe.
 */
public final class StreamedAnswer {
  private final ChatRequest request;
  private final StringBuilder content = new StringBuilder();
  private final Map<Integer, CallBuilder> calls = new TreeMap<>();
  private boolean hasContent;
  private FinishReason finishReason;
  private TokenUsage usage;

  public StreamedAnswer(ChatRequest request) {
    this.request = request;
  }

  public void add(ChatDelta delta) {
    if (delta.content() != null) {
      content.append(delta.content());
      hasContent = true;
    }
    for (ToolCallPart part : delta.toolCalls()) {
      calls.computeIfAbsent(part.index(), i -> new CallBuilder()).add(part);
    }
    if (delta.finishReason() != null) {
      finishReason = delta.finishReason();
    }
    if (delta.usage() != null) {
      usage = delta.usage();
    }
  }

  /** True when any content or tool call arrived. */
  public boolean hasOutput() {
    return hasContent || !calls.isEmpty();
  }

  /** True when the provider's own usage arrived. */
  public boolean hasReportedUsage() {
    return usage != null;
  }

  /** The answer so far; {@code meter} counts tokens when the provider reported none. */
  public ChatResponse toResponse(TokenMeter meter) {
    List<ToolCall> toolCalls = new ArrayList<>(calls.size());
    calls.values().forEach(call -> toolCalls.add(call.build(toolCalls.size())));
    ChatMessage message =
        new ChatMessage(
            Role.ASSISTANT, hasContent ? content.toString() : null, toolCalls, null, null);
    FinishReason reason =
        finishReason != null
            ? finishReason
            : toolCalls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
    return new ChatResponse(
        request.model(), message, reason, usage != null ? usage : counted(meter, message));
  }

  private TokenUsage counted(TokenMeter meter, ChatMessage message) {
    String model = request.model();
    long prompt = meter.countPrompt(model, request.messages(), request.tools());
    long completion =
        meter.count(model, message.content()) + meter.countToolCalls(model, message.toolCalls());
    return TokenUsage.of(prompt, completion);
  }

  private static final class CallBuilder {
    private final StringBuilder arguments = new StringBuilder();
    private String id;
    private String name;

    void add(ToolCallPart part) {
      if (part.id() != null) {
        id = part.id();
      }
      if (part.name() != null) {
        name = part.name();
      }
      if (part.arguments() != null) {
        arguments.append(part.arguments());
      }
    }

    ToolCall build(int position) {
      return ToolCall.function(
          id != null ? id : "call_" + position,
          name != null ? name : "",
          arguments.isEmpty() ? "{}" : arguments.toString());
    }
  }
}
