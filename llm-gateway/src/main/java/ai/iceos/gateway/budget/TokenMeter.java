package ai.iceos.gateway.budget;

import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ToolCall;
import ai.iceos.gateway.chat.ToolDefinition;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingResult;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Locale;

/**
 * Counts tokens the way OpenAI bills them: {@code o200k_base} for the gpt-4o and o-series models,
 * {@code cl100k_base} for everything else (the closest public tokenizer for other vendors' models).
 * A prompt costs 3 tokens per message plus its role, content and name, plus 3 tokens priming the
 * reply. Tool definitions and tool calls are counted as their JSON text, an approximation of
 * OpenAI's undocumented function-calling overhead. Special-token text is counted as ordinary text.
 * Thread-safe.
 */
public final class TokenMeter {
  static final int TOKENS_PER_MESSAGE = 3;
  static final int TOKENS_PER_NAME = 1;
  static final int REPLY_PRIMING_TOKENS = 3;
  private static final List<String> O200K_PREFIXES = List.of("gpt-4o", "o1", "o3", "o4");

  private final Encoding o200k;
  private final Encoding cl100k;

  public TokenMeter() {
    EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
    this.o200k = registry.getEncoding(EncodingType.O200K_BASE);
    this.cl100k = registry.getEncoding(EncodingType.CL100K_BASE);
  }

  /** The name of the tokenizer used for {@code model}. */
  public String encodingName(String model) {
    return encodingFor(model).getName();
  }

  /** Tokens of a plain text. */
  public int count(String model, String text) {
    return count(encodingFor(model), text);
  }

  private static int count(Encoding encoding, String text) {
    return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
  }

  /** Tokens of the whole prompt: messages, their overhead, the offered tools and reply priming. */
  public int countPrompt(String model, List<ChatMessage> messages, List<ToolDefinition> tools) {
    Encoding encoding = encodingFor(model);
    int total = REPLY_PRIMING_TOKENS;
    for (ChatMessage message : messages) {
      total += countMessage(encoding, message);
    }
    for (ToolDefinition tool : tools) {
      total += countTool(encoding, tool);
    }
    return total;
  }

  /**
   * An upper bound of {@link #countPrompt} without tokenizing: every token of these byte-level
   * encodings stands for at least one UTF-8 byte, and a UTF-16 char is at most 3 UTF-8 bytes. Used
   * to skip counting a prompt that no limit needs the count of when it surely fits the context
   * window (decision 0145). Prompts offering tools are not bounded ({@link Long#MAX_VALUE}): their
   * count includes the tools' JSON text.
   */
  public static long promptBound(List<ChatMessage> messages, List<ToolDefinition> tools) {
    if (!tools.isEmpty()) {
      return Long.MAX_VALUE;
    }
    long total = REPLY_PRIMING_TOKENS;
    for (ChatMessage message : messages) {
      total += TOKENS_PER_MESSAGE + bytesBound(message.role().wireName());
      total += bytesBound(message.content()) + bytesBound(message.toolCallId());
      if (message.name() != null) {
        total += TOKENS_PER_NAME + bytesBound(message.name());
      }
      for (ToolCall call : message.toolCalls()) {
        total += bytesBound(call.function().name()) + bytesBound(call.function().arguments());
      }
    }
    return total;
  }

  private static long bytesBound(String text) {
    return text == null ? 0 : 3L * text.length();
  }

  /** Tokens of the tool calls of a completion: each function name plus its arguments. */
  public int countToolCalls(String model, List<ToolCall> calls) {
    return calls.isEmpty() ? 0 : countToolCalls(encodingFor(model), calls);
  }

  private static int countToolCalls(Encoding encoding, List<ToolCall> calls) {
    int total = 0;
    for (ToolCall call : calls) {
      total +=
          count(encoding, call.function().name()) + count(encoding, call.function().arguments());
    }
    return total;
  }

  /** {@code text} cut to at most {@code maxTokens} tokens, with its token count. */
  public Truncated truncate(String model, String text, int maxTokens) {
    Encoding encoding = encodingFor(model);
    EncodingResult result = encoding.encodeOrdinary(text, maxTokens);
    if (!result.isTruncated()) {
      return new Truncated(text, result.getTokens().size(), false);
    }
    return new Truncated(encoding.decode(result.getTokens()), result.getTokens().size(), true);
  }

  /** A text after {@link #truncate}; {@code cut} tells whether anything was removed. */
  public record Truncated(String text, int tokens, boolean cut) {}

  private static int countMessage(Encoding encoding, ChatMessage message) {
    int tokens = TOKENS_PER_MESSAGE + count(encoding, message.role().wireName());
    tokens += count(encoding, message.content());
    if (message.name() != null) {
      tokens += TOKENS_PER_NAME + count(encoding, message.name());
    }
    if (message.toolCallId() != null) {
      tokens += count(encoding, message.toolCallId());
    }
    return tokens + countToolCalls(encoding, message.toolCalls());
  }

  private static int countTool(Encoding encoding, ToolDefinition tool) {
    var function = tool.function();
    int tokens = count(encoding, function.name()) + count(encoding, function.description());
    return function.parameters() == null
        ? tokens
        : tokens + count(encoding, function.parameters().toString());
  }

  private Encoding encodingFor(String model) {
    String name = model.toLowerCase(Locale.ROOT);
    return O200K_PREFIXES.stream().anyMatch(name::startsWith) ? o200k : cl100k;
  }
}
