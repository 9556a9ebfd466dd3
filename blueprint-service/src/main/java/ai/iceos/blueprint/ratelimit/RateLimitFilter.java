package ai.iceos.blueprint.ratelimit;

import ai.iceos.blueprint.BlueprintServiceConfig;
import ai.iceos.blueprint.api.TooManyRequestsException;
import ai.iceos.blueprint.auth.Caller;
import ai.iceos.blueprint.store.RateWindowStore;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requests per token and minute: the org's {@code rate_limit_per_minute}, else the service default.
 * Counted in PostgreSQL, so the limit is exact however many replicas serve the token; over it → 429
 * with {@code Retry-After} (seconds until the next window).
 */
@ApplicationScoped
class RateLimitFilter {
  private final Caller caller;
  private final RateWindowStore windows;
  private final BlueprintServiceConfig config;
  private final InstantSource clock;

  RateLimitFilter(
      Caller caller, RateWindowStore windows, BlueprintServiceConfig config, InstantSource clock) {
    this.caller = caller;
    this.windows = windows;
    this.config = config;
    this.clock = clock;
  }

  @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
  Uni<Void> limit(ContainerRequestContext request) {
    if (!caller.isAuthenticated()) {
      return Uni.createFrom().voidItem();
    }
    Instant now = clock.instant();
    RateWindow window = RateWindow.at(now);
    return windows
        .hit(caller.tokenSha256(), caller.orgId(), window.start())
        .map(
            hit -> {
              int limit = hit.orgLimit() == null ? config.rateLimitPerMinute() : hit.orgLimit();
              if (hit.requests() > limit) {
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
