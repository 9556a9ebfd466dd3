package ai.iceos.gateway.chat;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Completions with the exact-match {@link ResponseCache} in front: a deterministic request seen
 * before is answered from the cache without reservation or provider call, and recorded as a cache
 * hit costing 0; a miss is served by {@link ChatCompletions} and its answer kept.
 */
@ApplicationScoped
public class CachedCompletions {
  private final ChatCompletions completions;
  private final ResponseCache cache;
  private final Settlement settlement;
  private final GatewayMetrics metrics;

  CachedCompletions(
      ChatCompletions completions,
      ResponseCache cache,
      Settlement settlement,
      GatewayMetrics metrics) {
    this.completions = completions;
    this.cache = cache;
    this.settlement = settlement;
    this.metrics = metrics;
  }

  public Uni<Completion> complete(ChatRequest request, Attribution who, String cacheHeader) {
    long start = System.nanoTime();
    return lookup(request, who, cacheHeader)
        .invoke(
            done -> {
              Duration latency = Duration.ofNanos(System.nanoTime() - start);
              AfterAnswer.run(() -> metrics.served(done, latency));
            });
  }

  private Uni<Completion> lookup(ChatRequest request, Attribution who, String cacheHeader) {
    if (!ResponseCache.applies(request, cacheHeader)) {
      return completions.complete(request, who);
    }
    var cached = cache.find(request);
    metrics.cacheLookup(request.model(), cached.isPresent());
    return cached
        .map(answer -> settlement.recordCacheHit(who, answer))
        .orElseGet(
            () ->
                completions
                    .complete(request, who)
                    .invoke(done -> cache.put(request, done.response())));
  }
}
