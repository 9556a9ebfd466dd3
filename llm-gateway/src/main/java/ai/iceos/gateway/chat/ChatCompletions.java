package ai.iceos.gateway.chat;

import ai.iceos.gateway.budget.CostTable;
import ai.iceos.gateway.budget.ModelCard;
import ai.iceos.gateway.budget.Money;
import ai.iceos.gateway.budget.Reservation;
import ai.iceos.gateway.budget.TokenMeter;
import ai.iceos.gateway.provider.LlmProvider;
import ai.iceos.gateway.provider.ProviderFailure;
import ai.iceos.gateway.provider.ProviderUnavailable;
import ai.iceos.gateway.provider.Providers;
import ai.iceos.gateway.provider.RetryAfter;
import ai.iceos.gateway.ratelimit.RateLimiter;
import ai.iceos.gateway.routing.RoutingTable;
import ai.iceos.gateway.store.BudgetStore;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The path of one completion: route the model, reserve its worst-case cost on every budget scope,
 * call the provider, then book the actual cost with the usage record (or release the reservation
 * when the call fails or is cancelled). When the provider is unavailable (breaker open, retries
 * exhausted) the model's fallbacks are tried in order, each with its own reservation. A request
 * without {@code max_tokens} is capped at the model's default output limit, the amount reserved for
 * it.
 */
@ApplicationScoped
public class ChatCompletions {
  /** Prompts shorter than this many characters are counted on the event loop. */
  private static final int INLINE_PROMPT_CHARS = 4096;

  /** The reservation of a call without budget scopes: nothing held. */
  private static final Reservation.Held UNRESERVED = new Reservation.Held(List.of(), 0);

  private final RoutingTable routing;
  private final Providers providers;
  private final TokenMeter meter;
  private final CostTable costs;
  private final BudgetStore budgets;
  private final Settlement settlement;
  private final RateLimiter rateLimits;

  ChatCompletions(
      RoutingTable routing,
      Providers providers,
      TokenMeter meter,
      CostTable costs,
      BudgetStore budgets,
      Settlement settlement,
      RateLimiter rateLimits) {
    this.rateLimits = rateLimits;
    this.routing = routing;
    this.providers = providers;
    this.meter = meter;
    this.costs = costs;
    this.budgets = budgets;
    this.settlement = settlement;
  }

  public Uni<Completion> complete(ChatRequest request, Attribution who) {
    return attempt(request, who, routing.candidates(request.model()), 0, this::call);
  }

  /**
   * Opens a streamed answer: everything that can refuse the call (routing, rate limits, budgets, an
   * open breaker) happens before the returned {@code Uni} resolves; its pieces then pass the
   * provider's deltas on as they arrive and end with the settled {@link Completion}.
   */
  public Uni<LiveCompletion> stream(ChatRequest request, Attribution who) {
    return attempt(request, who, routing.candidates(request.model()), 0, this::open);
  }

  /** What is done with the reserved call: answer it whole, or open its stream. */
  @FunctionalInterface
  private interface Call<T> {
    Uni<T> apply(LlmProvider provider, ChatRequest request, Reservation.Held held, Attribution who);
  }

  /**
   * Serves {@code request} with candidate model {@code index}; when its provider is unavailable,
   * the next candidate is tried with a fresh reservation at its own price.
   */
  private <T> Uni<T> attempt(
      ChatRequest request, Attribution who, List<String> candidates, int index, Call<T> call) {
    ChatRequest forModel = request.withModel(candidates.get(index));
    LlmProvider provider = providers.serving(route(forModel.model()));
    ChatRequest capped = capOutput(forModel);
    return reserve(capped, who, provider.name())
        .chain(held -> call.apply(provider, capped, held, who))
        .onFailure(ProviderUnavailable.class)
        .recoverWithUni(
            failure ->
                index + 1 < candidates.size()
                    ? attempt(request, who, candidates, index + 1, call)
                    : Uni.createFrom()
                        .failure(exhausted(request.model(), (ProviderUnavailable) failure)))
        .onFailure(ProviderFailure.class)
        .transform(failure -> rejected((ProviderFailure) failure));
  }

  /**
   * Admits the call under the rate limits, then reserves its worst-case cost. A call that no budget
   * scope and no rate limit applies to, and whose prompt surely fits the model's context window,
   * needs no prompt count: nothing is reserved or counted for it (decision 0145). Its usage is
   * still booked exactly after the call, from the provider's usage or the tokenizer.
   */
  private Uni<Reservation.Held> reserve(ChatRequest capped, Attribution who, String provider) {
    List<String> scopes = who.budgetScopes();
    boolean limited = rateLimits.limits(who, provider);
    if (scopes.isEmpty() && !limited && surelyFits(capped)) {
      return Uni.createFrom().item(UNRESERVED);
    }
    Uni<Integer> counted = countPrompt(capped);
    if (limited) {
      counted =
          counted.call(
              promptTokens -> rateLimits.admit(who, provider, tokenBound(capped, promptTokens)));
    }
    return counted
        .chain(promptTokens -> budgets.reserve(scopes, worstCase(capped, promptTokens)))
        .chain(
            reservation ->
                switch (reservation) {
                  case Reservation.Held held -> Uni.createFrom().item(held);
                  case Reservation.Refused refused -> Uni.createFrom().failure(refusal(refused));
                });
  }

  /** Whether the prompt fits the model's context window without counting it. */
  private boolean surelyFits(ChatRequest request) {
    Optional<ModelCard> card = costs.card(request.model());
    return card.isEmpty()
        || TokenMeter.promptBound(request.messages(), request.tools())
            <= card.get().contextWindow();
  }

  private static long tokenBound(ChatRequest request, int promptTokens) {
    return (long) promptTokens + (request.maxTokens() == null ? 0 : request.maxTokens());
  }

  private static Refusal exhausted(String model, ProviderUnavailable failure) {
    long seconds = RetryAfter.headerSeconds(failure.retryAfter());
    Log.infof("No provider could serve %s; last tried %s", model, failure.provider());
    return failure.rateLimited()
        ? new Refusal.RateLimited(
            "The provider '" + failure.provider() + "' is rate limiting; retry later.", seconds)
        : new Refusal.Unavailable(model, seconds);
  }

  private static Throwable rejected(ProviderFailure failure) {
    return failure.retryable()
        ? new Refusal.Unavailable(failure.provider(), 1)
        : new Refusal.ProviderRejected(failure.provider(), failure.status());
  }

  private String route(String model) {
    return routing.providerFor(model).orElseThrow(() -> new Refusal.UnknownModel(model));
  }

  private ChatRequest capOutput(ChatRequest request) {
    Optional<ModelCard> card = costs.card(request.model());
    if (request.maxTokens() != null || card.isEmpty()) {
      return request;
    }
    return request.withMaxTokens(card.get().maxOutputTokens());
  }

  /**
   * Counts the prompt: a short one (most calls) on the calling event loop, which takes
   * microseconds, a long one on a worker thread so that it does not hold the event loop.
   */
  private Uni<Integer> countPrompt(ChatRequest request) {
    Uni<Integer> count =
        Uni.createFrom()
            .item(() -> meter.countPrompt(request.model(), request.messages(), request.tools()));
    return isShort(request)
        ? count
        : count.runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private static boolean isShort(ChatRequest request) {
    if (!request.tools().isEmpty()) {
      return false;
    }
    long chars = 0;
    for (ChatMessage message : request.messages()) {
      chars += message.content() == null ? 0 : message.content().length();
      chars += message.toolCalls().isEmpty() ? 0 : INLINE_PROMPT_CHARS;
    }
    return chars < INLINE_PROMPT_CHARS;
  }

  private long worstCase(ChatRequest request, int promptTokens) {
    costs
        .card(request.model())
        .filter(card -> promptTokens > card.contextWindow())
        .ifPresent(
            card -> {
              throw new Refusal.PromptTooLong(promptTokens, card.contextWindow());
            });
    return costs.worstCaseMicroUsd(request.model(), promptTokens, request.maxTokens());
  }

  private Uni<Completion> call(
      LlmProvider provider, ChatRequest request, Reservation.Held held, Attribution who) {
    if (held.scopes().isEmpty()) {
      // nothing reserved, nothing to release (decision 0146: fewer operators per call)
      return provider
          .complete(request)
          .chain(response -> settlement.settle(provider.name(), held, who, response));
    }
    return provider
        .complete(request)
        .onFailure()
        .call(() -> settlement.release(held))
        .onCancellation()
        .call(() -> settlement.release(held))
        .chain(response -> settlement.settle(provider.name(), held, who, response));
  }

  private Uni<LiveCompletion> open(
      LlmProvider provider, ChatRequest request, Reservation.Held held, Attribution who) {
    Optional<ProviderUnavailable> refused = provider.openBreaker();
    if (refused.isPresent()) {
      return settlement
          .release(held)
          .onItem()
          .transformToUni(ignored -> Uni.createFrom().failure(refused.get()));
    }
    var live = new LiveStream(provider, request, held, who, settlement, meter);
    return Uni.createFrom().item(live.start());
  }

  private static Refusal refusal(Reservation.Refused refused) {
    Log.infof(
        "Refused a call: budget %s cannot hold %d micro-USD", refused.scope(), refused.microUsd());
    return new Refusal.OverBudget(refused.scope(), Money.usd(refused.microUsd()).toPlainString());
  }
}
