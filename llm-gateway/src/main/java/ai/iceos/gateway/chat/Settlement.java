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
import java.util.UUID;

/**
 * Books a finished call: its actual cost replaces the reservation on every scope, in one
 * transaction with its usage record; then its usage event goes to Kafka. If booking fails, the
 * reservation is released (the call is then unrecorded, its cost unbooked) and the failure is
 * passed on.
 */
@ApplicationScoped
public class Settlement {
  private final CostTable costs;
  private final BudgetStore budgets;
  private final UsageEventPublisher usageEvents;
  private final InstantSource clock;

  Settlement(
      CostTable costs, BudgetStore budgets, UsageEventPublisher usageEvents, InstantSource clock) {
    this.costs = costs;
    this.budgets = budgets;
    this.usageEvents = usageEvents;
    this.clock = clock;
  }

  public Uni<Completion> settle(
      String provider, Reservation.Held held, Attribution who, ChatResponse response) {
    long cost = costs.costMicroUsd(response.model(), response.usage());
    var entry =
        new UsageEntry(
            UUID.randomUUID(),
            who,
            response.model(),
            provider,
            response.usage(),
            cost,
            false,
            clock.instant());
    return budgets
        .settle(held, cost, entry)
        .onFailure()
        .call(failure -> releaseAfter(failure, held))
        .invoke(() -> usageEvents.publishSoon(entry))
        .replaceWith(new Completion(entry.id(), entry.createdAt(), provider, response, cost));
  }

  public Uni<Void> release(Reservation.Held held) {
    return budgets.release(held);
  }

  private Uni<Void> releaseAfter(Throwable failure, Reservation.Held held) {
    Log.errorf("Settling a call failed; releasing its reservation: %s", failure.getMessage());
    return budgets.release(held).onFailure().recoverWithNull();
  }
}
