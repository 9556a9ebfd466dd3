package ai.iceos.gateway.provider;

import ai.iceos.gateway.GatewayConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The providers of this gateway by routing name, built from {@code iceos.gateway.providers.*}. A
 * routed provider that is not configured (no key and no base URL) is served by the {@link
 * OfflineProvider}, so every model works without keys.
 */
@Singleton
@Startup
public class Providers {
  private final Map<String, LlmProvider> byName;
  private final OfflineProvider offline;

  Providers(
      OfflineProvider offline,
      GatewayConfig config,
      ProviderAdapters adapters,
      MeterRegistry registry) {
    this.offline = offline;
    Map<String, LlmProvider> built = new TreeMap<>();
    config
        .providers()
        .forEach(
            (name, settings) ->
                ProviderEndpoints.of(name, settings)
                    .ifPresent(endpoint -> built.put(name, adapters.adapterFor(endpoint))));
    this.byName = Map.copyOf(built);
    byName.values().forEach(provider -> registerBreakerGauge(registry, provider));
    Log.infof("LLM providers configured: %s; all others are served offline", byName.keySet());
  }

  /** {@code iceos.gateway.breaker.state}: 0 closed, 1 half-open, 2 open. */
  private static void registerBreakerGauge(MeterRegistry registry, LlmProvider provider) {
    if (provider instanceof GuardedProvider guarded) {
      Gauge.builder("iceos.gateway.breaker.state", guarded, g -> breakerLevel(g.state()))
          .tag("provider", guarded.name())
          .register(registry);
    }
  }

  private static int breakerLevel(CircuitBreakerState state) {
    return switch (state) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
    };
  }

  /** The provider serving {@code routedName}. */
  public LlmProvider serving(String routedName) {
    return byName.getOrDefault(routedName, offline);
  }

  /** The configured provider named {@code name}, if any. */
  public Optional<LlmProvider> configured(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
