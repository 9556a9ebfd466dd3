package ai.iceos.gateway.provider;

import ai.iceos.gateway.chat.ChatDelta;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.ChatResponse;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * A source of chat completions. Implementations translate the provider-neutral {@link ChatRequest}
 * to their vendor's API and back, and report the tokens the vendor billed (or, for providers that
 * report none, tokens counted with the model's tokenizer).
 *
 * <p>Guarantees: {@link #name()} is stable and is the name routing rules refer to; {@link
 * #complete} and {@link #stream} never block the calling thread and honour {@link
 * ChatRequest#maxTokens()} (the completion never has more tokens), which budget reservations rely
 * on. Failures are signalled through the {@code Uni}/{@code Multi}; a {@link ProviderFailure} says
 * whether another attempt may succeed.
 */
public interface LlmProvider {

  /** The provider's routing name, e.g. {@code offline}, {@code openai}. */
  String name();

  Uni<ChatResponse> complete(ChatRequest request);

  /**
   * The answer as it is generated; the last deltas carry the finish reason and, when the vendor
   * reports it, the usage. Providers without incremental output emit their whole answer at once.
   */
  /** Present when calls are refused right now (an open circuit breaker), saying until when. */
  default Optional<ProviderUnavailable> openBreaker() {
    return Optional.empty();
  }

  default Multi<ChatDelta> stream(ChatRequest request) {
    return complete(request)
        .onItem()
        .transformToMulti(r -> Multi.createFrom().iterable(ChatDelta.of(r)));
  }
}
