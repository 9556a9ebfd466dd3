package ai.iceos.gateway.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The gateway's Micrometer meters, tagged by provider and model: tokens ({@code kind} prompt,
 * cached_prompt, completion), cost in micro-USD, end-to-end latency (a histogram with percentiles)
 * and response cache lookups ({@code result} hit or miss). Breaker states are gauges registered by
 * the providers.
 */
@ApplicationScoped
public class GatewayMetrics {
  private final MeterRegistry registry;

  GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void booked(String provider, String model, TokenUsage tokens, long costMicroUsd) {
    tokens(provider, model, "prompt").increment(tokens.promptTokens());
    tokens(provider, model, "cached_prompt").increment(tokens.cachedPromptTokens());
    tokens(provider, model, "completion").increment(tokens.completionTokens());
    Counter.builder("iceos.gateway.cost")
        .baseUnit("micro_usd")
        .tag("provider", provider)
        .tag("model", model)
        .register(registry)
        .increment(costMicroUsd);
  }

  void served(Completion completion, Duration latency) {
    Timer.builder("iceos.gateway.request.latency")
        .tag("provider", completion.provider())
        .tag("model", completion.response().model())
        .publishPercentileHistogram()
        .register(registry)
        .record(latency);
  }

  void cacheLookup(String model, boolean hit) {
    Counter.builder("iceos.gateway.cache.lookups")
        .tag("model", model)
        .tag("result", hit ? "hit" : "miss")
        .register(registry)
        .increment();
  }

  private Counter tokens(String provider, String model, String kind) {
    return Counter.builder("iceos.gateway.tokens")
        .tag("provider", provider)
        .tag("model", model)
        .tag("kind", kind)
        .register(registry);
  }
}
