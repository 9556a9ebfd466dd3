package ai.iceos.gateway.provider.fake;

import java.util.Arrays;
import java.util.List;

/**
 * What every fake vendor decides to answer, before putting it in its wire format: a call of the
 * first offered tool with {@code {"city": "Paris"}} when tools are offered and the conversation
 * does not end in a tool result, else a fixed text of one token per word, cut at {@code maxTokens}.
 */
public record FakeAnswer(
    List<String> words, String toolName, boolean cut, int promptTokens, int completionTokens) {
  public static final String TEXT = "The fake provider answers you in nine short words";
  public static final String TOOL_ARGUMENTS = "{\"city\":\"Paris\"}";
  public static final int PROMPT_TOKENS = 21;

  static FakeAnswer decide(String firstTool, boolean endsInToolResult, Integer maxTokens) {
    if (firstTool != null && !endsInToolResult) {
      return new FakeAnswer(List.of(), firstTool, false, PROMPT_TOKENS, 7);
    }
    List<String> all = Arrays.asList(TEXT.split(" "));
    boolean cut = maxTokens != null && maxTokens < all.size();
    List<String> words = cut ? all.subList(0, maxTokens) : all;
    return new FakeAnswer(words, null, cut, PROMPT_TOKENS, words.size());
  }

  public String text() {
    return String.join(" ", words);
  }

  /** The words as streamed pieces: the first bare, the others with their leading space. */
  public List<String> pieces() {
    return java.util.stream.IntStream.range(0, words.size())
        .mapToObj(i -> i == 0 ? words.get(i) : " " + words.get(i))
        .toList();
  }
}
