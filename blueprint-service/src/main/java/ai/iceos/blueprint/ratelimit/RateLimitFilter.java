package ai.iceos.blueprint.ratelimit;

import ai.iceos.blueprint.BlueprintServiceConfig;
import ai.iceos.blueprint.api.TooManyRequestsException;
import ai.iceos.blueprint.auth.Caller;
import ai.iceos.blueprint.store.RateWindowStore;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requests per token and minute: the org's {@code rate_limit_per_minute}, else the service default.
 * Counted in PostgreSQL, so the limit is exact however many replicas serve the token; over it → 429
 * with {@code Retry-After} (seconds until the next window). Concurrent requests of one token share
 * one counter update ({@link CoalescingCounter}); each still gets its own place in the count.
 */
@ApplicationScoped
class RateLimitFilter {
  private final Caller caller;
  private final RateWindowStore windows;
  private final BlueprintServiceConfig config;
  private final InstantSource clock;
  private final CoalescingCounter<Counted> counter;

  RateLimitFilter(
      Caller caller, RateWindowStore windows, BlueprintServiceConfig config, InstantSource clock) {
    this.caller = caller;
    this.windows = windows;
    this.config = config;
    this.clock = clock;
    this.counter =
        new CoalescingCounter<>(
            (key, n) ->
                windows
                    .hit(key.tokenSha256(), key.orgId(), key.window(), n)
                    .map(hit -> new CoalescingCounter.Counted(hit.requests(), hit.orgLimit())));
  }

  /** What one counter row counts: a token's requests in one window (and the token's org). */
  private record Counted(String tokenSha256, String orgId, Instant window) {}

  @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
  Uni<Void> limit(ContainerRequestContext request) {
    if (!caller.isAuthenticated()) {
      return Uni.createFrom().voidItem();
    }
    Instant now = clock.instant();
    RateWindow window = RateWindow.at(now);
    Context requestContext = Vertx.currentContext();
    Uni<CoalescingCounter.Counted> counted =
        counter.hit(new Counted(caller.tokenSha256(), caller.orgId(), window.start()));
    if (requestContext != null) {
      counted = counted.emitOn(task -> requestContext.runOnContext(ignored -> task.run()));
    }
    return counted.map(
        hit -> {
          int limit = hit.limit() == null ? config.rateLimitPerMinute() : hit.limit();
          if (hit.place() > limit) {
            throw new TooManyRequestsException(limit, window.secondsLeft(now));
          }
          return null;
        });
  }

  /** Windows older than the previous minute are no longer counted in. */
  @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    return windows
        .sweep(clock.instant().minus(RateWindow.LENGTH.multipliedBy(2)))
        .onFailure()
        .invoke(e -> Log.warnf("Sweeping rate windows failed: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }
}
