package ai.iceos.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.ChatResponse;
import ai.iceos.gateway.chat.FinishReason;
import ai.iceos.gateway.chat.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link LlmProvider} guarantees; each implementation's test extends this. */
abstract class LlmProviderContractTest {

  protected abstract LlmProvider provider();

  /** A model the provider under test serves. */
  protected abstract String model();

  protected ChatResponse complete(ChatRequest request) {
    return provider().complete(request).await().atMost(Duration.ofSeconds(30));
  }

  @Test
  void shouldAnswerWithAnAssistantMessageAndUsage() {
    var response = complete(ChatRequest.of(model(), List.of(ChatMessage.of(Role.USER, "Hi"))));

    assertThat(response.message().role()).isEqualTo(Role.ASSISTANT);
    assertThat(response.message().content()).isNotBlank();
    assertThat(response.usage().promptTokens()).isPositive();
    assertThat(response.usage().completionTokens()).isPositive();
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void shouldNeverExceedMaxTokens() {
    var request =
        ChatRequest.of(
                model(),
                List.of(ChatMessage.of(Role.USER, "Write a long story about a lighthouse keeper.")))
            .withMaxTokens(2);

    var response = complete(request);

    assertThat(response.usage().completionTokens()).isLessThanOrEqualTo(2);
    assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void shouldHaveAStableName() {
    assertThat(provider().name()).isNotBlank().isEqualTo(provider().name());
  }
}
