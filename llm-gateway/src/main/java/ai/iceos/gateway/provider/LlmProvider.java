package ai.iceos.gateway.provider;

import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.ChatResponse;
import io.smallrye.mutiny.Uni;

/**
 * A source of chat completions. Implementations translate the provider-neutral {@link ChatRequest}
 * to their vendor's API and back, and report the tokens the vendor billed (or, for providers that
 * report none, tokens counted with the model's tokenizer).
 *
 * <p>Guarantees: {@link #name()} is stable and is the name routing rules refer to; {@link
 * #complete} never blocks the calling thread and honours {@link ChatRequest#maxTokens()} (the
 * completion never has more tokens), which budget reservations rely on. Failures are signalled
 * through the {@code Uni}.
 */
public interface LlmProvider {

  /** The provider's routing name, e.g. {@code offline}, {@code openai}. */
  String name();

  Uni<ChatResponse> complete(ChatRequest request);
}
