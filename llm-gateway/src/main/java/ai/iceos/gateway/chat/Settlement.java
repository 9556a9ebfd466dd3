package ai.iceos.gateway.chat;

import ai.iceos.gateway.budget.CostTable;
import ai.iceos.gateway.budget.Reservation;
import ai.iceos.gateway.messaging.UsageEventPublisher;
import ai.iceos.gateway.store.BudgetStore;
import ai.iceos.gateway.store.UsageEntry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

/**
 * Books a finished call: its actual cost replaces the reservation on every scope, in one
 * transaction with its usage record; then, once the answer is written, its usage event goes to
 * Kafka. If booking fails, the reservation is released (the call is then unrecorded, its cost
 * unbooked) and the failure is passed on.
 */
@ApplicationScoped
public class Settlement {
  /** The provider name of answers served by the response cache. */
  public static final String CACHE = "cache";

  private final CostTable costs;
  private final BudgetStore budgets;
  private final UsageEventPublisher usageEvents;
  private final GatewayMetrics metrics;
  private final InstantSource clock;

  Settlement(
      CostTable costs,
      BudgetStore budgets,
      UsageEventPublisher usageEvents,
      GatewayMetrics metrics,
      InstantSource clock) {
    this.costs = costs;
    this.budgets = budgets;
    this.usageEvents = usageEvents;
    this.metrics = metrics;
    this.clock = clock;
  }

  public Uni<Completion> settle(
      String provider, Reservation.Held held, Attribution who, ChatResponse response) {
    return settle(provider, held, who, response, UUID.randomUUID());
  }

  /** As {@link #settle(String, Reservation.Held, Attribution, ChatResponse)}, with a known id. */
  public Uni<Completion> settle(
      String provider, Reservation.Held held, Attribution who, ChatResponse response, UUID id) {
    long cost = costs.costMicroUsd(response.model(), response.usage());
    return book(id, provider, held, who, response, cost, false)
        .onFailure()
        .call(failure -> releaseAfter(failure, held));
  }

  /** Records an answer of the response cache: nothing reserved, nothing booked, cost 0. */
  public Uni<Completion> recordCacheHit(Attribution who, ChatResponse response) {
    return book(
        UUID.randomUUID(), CACHE, new Reservation.Held(List.of(), 0), who, response, 0, true);
  }

  private Uni<Completion> book(
      UUID id,
      String provider,
      Reservation.Held held,
      Attribution who,
      ChatResponse response,
      long cost,
      boolean cacheHit) {
    var entry =
        new UsageEntry(
            id, who, response.model(), provider, response.usage(), cost, cacheHit, clock.instant());
    return budgets
        .settle(held, cost, entry)
        .map(
            booked -> {
              AfterAnswer.run(
                  () -> {
                    metrics.booked(provider, response.model(), response.usage(), cost);
                    usageEvents.publishSoon(entry);
                  });
              return new Completion(
                  entry.id(), entry.createdAt(), provider, response, cost, cacheHit);
            });
  }

  public Uni<Void> release(Reservation.Held held) {
    return budgets.release(held);
  }

  private Uni<Void> releaseAfter(Throwable failure, Reservation.Held held) {
    Log.errorf("Settling a call failed; releasing its reservation: %s", failure.getMessage());
    return budgets.release(held).onFailure().recoverWithNull();
  }
}
