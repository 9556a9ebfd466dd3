package ai.iceos.gateway.chat;

/**
 * Tokens of one provider call. {@code cachedPromptTokens} is the part of {@code promptTokens} the
 * provider served from its prompt cache (billed at the cached-input rate).
 */
public record TokenUsage(long promptTokens, long cachedPromptTokens, long completionTokens) {
  public TokenUsage {
    if (promptTokens < 0 || completionTokens < 0 || cachedPromptTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
    if (cachedPromptTokens > promptTokens) {
      throw new IllegalArgumentException("cached prompt tokens exceed prompt tokens");
    }
  }

  public static TokenUsage of(long promptTokens, long completionTokens) {
    return new TokenUsage(promptTokens, 0, completionTokens);
  }

  public long totalTokens() {
    return promptTokens + completionTokens;
  }
}
