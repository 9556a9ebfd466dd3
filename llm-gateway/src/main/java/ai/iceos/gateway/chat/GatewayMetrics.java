package ai.iceos.gateway.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's Micrometer meters, tagged by provider and model: tokens ({@code kind} prompt,
 * cached_prompt, completion), cost in micro-USD, end-to-end latency (a histogram with percentiles)
 * and response cache lookups ({@code result} hit or miss). Breaker states are gauges registered by
 * the providers.
 */
@ApplicationScoped
public class GatewayMetrics {
  private final MeterRegistry registry;

  /**
   * The meters of each provider and model, looked up once: building and registering them on every
   * call (a builder, tags, an id, the registry's filters) cost more than the increments.
   */
  private final Map<Key, Meters> meters = new ConcurrentHashMap<>();

  GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void booked(String provider, String model, TokenUsage tokens, long costMicroUsd) {
    Meters of = metersOf(provider, model);
    of.prompt().increment(tokens.promptTokens());
    of.cachedPrompt().increment(tokens.cachedPromptTokens());
    of.completion().increment(tokens.completionTokens());
    of.cost().increment(costMicroUsd);
  }

  void served(Completion completion, Duration latency) {
    metersOf(completion.provider(), completion.response().model()).latency().record(latency);
  }

  private Meters metersOf(String provider, String model) {
    return meters.computeIfAbsent(new Key(provider, model), this::register);
  }

  private Meters register(Key key) {
    return new Meters(
        tokens(key, "prompt"),
        tokens(key, "cached_prompt"),
        tokens(key, "completion"),
        Counter.builder("iceos.gateway.cost")
            .baseUnit("micro_usd")
            .tag("provider", key.provider())
            .tag("model", key.model())
            .register(registry),
        Timer.builder("iceos.gateway.request.latency")
            .tag("provider", key.provider())
            .tag("model", key.model())
            .publishPercentileHistogram()
            .register(registry));
  }

  private Counter tokens(Key key, String kind) {
    return Counter.builder("iceos.gateway.tokens")
        .tag("provider", key.provider())
        .tag("model", key.model())
        .tag("kind", kind)
        .register(registry);
  }

  private record Key(String provider, String model) {}

  private record Meters(
      Counter prompt, Counter cachedPrompt, Counter completion, Counter cost, Timer latency) {}

  void cacheLookup(String model, boolean hit) {
    Counter.builder("iceos.gateway.cache.lookups")
        .tag("model", model)
        .tag("result", hit ? "hit" : "miss")
        .register(registry)
        .increment();
  }
}
