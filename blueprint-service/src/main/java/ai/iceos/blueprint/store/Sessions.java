package ai.iceos.blueprint.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Runs store work in a Hibernate Reactive session opened for it and closed when it is done (store
 * callers never hold one), so every read, each poll of a wait included, sees the rows as they are
 * now and not a session's first-level cache.
 *
 * <p>Unlike scheduler-service, each unit of work gets a safe (isolated) Vert.x duplicated context
 * of its own, even when the caller runs on one: a Kafka handler that wakes two waiting requests
 * would otherwise run both of their probes on its own context, where Panache would hand them one
 * shared session. The result is delivered back on the caller's context.
 */
@ApplicationScoped
class Sessions {
  private final Vertx vertx;

  Sessions(Vertx vertx) {
    this.vertx = vertx;
  }

  <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
    return isolated(() -> Panache.withTransaction(work));
  }

  <T> Uni<T> inSession(Supplier<Uni<T>> work) {
    return isolated(() -> Panache.withSession(work));
  }

  /** {@link #inTransaction} for work that needs the session itself (native SQL). */
  <T> Uni<T> inTransactionWith(Function<Mutiny.Session, Uni<T>> work) {
    return inTransaction(() -> Panache.getSession().chain(session -> work.apply(session)));
  }

  /** {@link #inSession} for work that needs the session itself (native SQL). */
  <T> Uni<T> inSessionWith(Function<Mutiny.Session, Uni<T>> work) {
    return inSession(() -> Panache.getSession().chain(session -> work.apply(session)));
  }

  private <T> Uni<T> isolated(Supplier<Uni<T>> work) {
    return Uni.createFrom()
        .deferred(
            () -> {
              Context caller = Vertx.currentContext();
              Context own = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
              VertxContextSafetyToggle.setContextSafe(own, true);
              Uni<T> result =
                  Uni.createFrom()
                      .deferred(work::get)
                      .runSubscriptionOn(task -> own.runOnContext(ignored -> task.run()));
              return caller == null
                  ? result
                  : result.emitOn(task -> caller.runOnContext(ignored -> task.run()));
            });
  }
}
