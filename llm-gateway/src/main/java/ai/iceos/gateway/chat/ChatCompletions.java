package ai.iceos.gateway.chat;

import ai.iceos.gateway.budget.CostTable;
import ai.iceos.gateway.budget.ModelCard;
import ai.iceos.gateway.budget.Money;
import ai.iceos.gateway.budget.Reservation;
import ai.iceos.gateway.budget.TokenMeter;
import ai.iceos.gateway.provider.LlmProvider;
import ai.iceos.gateway.provider.Providers;
import ai.iceos.gateway.routing.RoutingTable;
import ai.iceos.gateway.store.BudgetStore;
import ai.iceos.gateway.store.UsageEntry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/**
 * The path of one completion: route the model, reserve its worst-case cost on every budget scope,
 * call the provider, then book the actual cost with the usage record (or release the reservation
 * when the call fails or is cancelled). A request without {@code max_tokens} is capped at the
 * model's default output limit, the amount reserved for it.
 */
@ApplicationScoped
public class ChatCompletions {
  private final RoutingTable routing;
  private final Providers providers;
  private final TokenMeter meter;
  private final CostTable costs;
  private final BudgetStore budgets;
  private final InstantSource clock;

  ChatCompletions(
      RoutingTable routing,
      Providers providers,
      TokenMeter meter,
      CostTable costs,
      BudgetStore budgets,
      InstantSource clock) {
    this.routing = routing;
    this.providers = providers;
    this.meter = meter;
    this.costs = costs;
    this.budgets = budgets;
    this.clock = clock;
  }

  public Uni<Completion> complete(ChatRequest request, Attribution who) {
    LlmProvider provider = providers.serving(route(request.model()));
    ChatRequest capped = capOutput(request);
    return countPrompt(capped)
        .map(promptTokens -> worstCase(capped, promptTokens))
        .chain(amount -> budgets.reserve(who.budgetScopes(), amount))
        .chain(
            reservation ->
                switch (reservation) {
                  case Reservation.Held held -> call(provider, capped, held, who);
                  case Reservation.Refused refused -> Uni.createFrom().failure(refusal(refused));
                });
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

  private Uni<Integer> countPrompt(ChatRequest request) {
    return Uni.createFrom()
        .item(() -> meter.countPrompt(request.model(), request.messages(), request.tools()))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
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
    return provider
        .complete(request)
        .onFailure()
        .call(() -> budgets.release(held))
        .onCancellation()
        .call(() -> budgets.release(held))
        .chain(response -> settle(provider, request, held, who, response));
  }

  private Uni<Completion> settle(
      LlmProvider provider,
      ChatRequest request,
      Reservation.Held held,
      Attribution who,
      ChatResponse response) {
    long cost = costs.costMicroUsd(request.model(), response.usage());
    var entry =
        new UsageEntry(
            UUID.randomUUID(),
            who,
            request.model(),
            provider.name(),
            response.usage(),
            cost,
            clock.instant());
    return budgets
        .settle(held, cost, entry)
        .replaceWith(
            new Completion(entry.id(), entry.createdAt(), provider.name(), response, cost));
  }

  private static Refusal refusal(Reservation.Refused refused) {
    Log.infof(
        "Refused a call: budget %s cannot hold %d micro-USD", refused.scope(), refused.microUsd());
    return new Refusal.OverBudget(refused.scope(), Money.usd(refused.microUsd()).toPlainString());
  }
}
