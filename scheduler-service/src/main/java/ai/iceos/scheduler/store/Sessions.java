package ai.iceos.scheduler.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs store work in a Hibernate Reactive session opened for it and closed when it is done (store
 * callers never hold one), so a failed unit of work can be retried from the start with a fresh one.
 * Every unit of work gets a new safe (isolated) Vert.x duplicated context of its own: Panache keeps
 * the session (and its transaction) in the current context and joins one it finds there, so running
 * on the caller's context could make a unit join a transaction left open by other work on it
 * (decision 0115); on a new context a unit can only ever see its own session.
 */
@ApplicationScoped
class Sessions {
  private final Vertx vertx;

  Sessions(Vertx vertx) {
    this.vertx = vertx;
  }

  <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
    return onSafeContext(() -> Panache.withTransaction(work));
  }

  <T> Uni<T> inSession(Supplier<Uni<T>> work) {
    return onSafeContext(() -> Panache.withSession(work));
  }

  private <T> Uni<T> onSafeContext(Supplier<Uni<T>> work) {
    return Uni.createFrom()
        .deferred(
            () -> {
              Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
              VertxContextSafetyToggle.setContextSafe(context, true);
              return Uni.createFrom()
                  .deferred(work::get)
                  .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
            });
  }
}
