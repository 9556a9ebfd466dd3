package ai.iceos.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
  private final ChatRequest request =
      ChatRequest.of("gpt-4o", List.of(ChatMessage.of(Role.USER, "Hi")));
  private final ChatResponse answer =
      new ChatResponse(
          "gpt-4o",
          ChatMessage.of(Role.ASSISTANT, "Hello"),
          FinishReason.STOP,
          TokenUsage.of(9, 1));

  @Test
  void shouldApplyToTemperatureZeroOrWhenAskedAndNeverWhenRefused() {
    var deterministic =
        new ChatRequest("gpt-4o", request.messages(), null, null, 0.0, null, null, null);

    assertThat(ResponseCache.applies(deterministic, null)).isTrue();
    assertThat(ResponseCache.applies(deterministic, "false")).isFalse();
    assertThat(ResponseCache.applies(request, null)).isFalse();
    assertThat(ResponseCache.applies(request, "true")).isTrue();
  }

  @Test
  void shouldFindOnlyTheExactSameRequest() {
    var cache = new ResponseCache(Duration.ofMinutes(1), 10);
    cache.put(request, answer);

    assertThat(cache.find(ChatRequest.of("gpt-4o", List.of(ChatMessage.of(Role.USER, "Hi")))))
        .contains(answer);
    assertThat(cache.find(ChatRequest.of("gpt-4o", List.of(ChatMessage.of(Role.USER, "Hi!")))))
        .isEmpty();
    assertThat(cache.find(request.withMaxTokens(5))).isEmpty();
    assertThat(cache.find(request.withModel("gpt-4o-mini"))).isEmpty();
  }
}
