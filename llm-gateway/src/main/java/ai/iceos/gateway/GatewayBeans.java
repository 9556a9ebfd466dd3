package ai.iceos.gateway;

import ai.iceos.gateway.budget.CostTable;
import ai.iceos.gateway.budget.ModelCard;
import ai.iceos.gateway.budget.Money;
import ai.iceos.gateway.budget.TokenMeter;
import ai.iceos.gateway.chat.ResponseCache;
import ai.iceos.gateway.provider.OfflineProvider;
import ai.iceos.gateway.provider.ProviderAdapters;
import ai.iceos.gateway.provider.ProviderHttp;
import ai.iceos.gateway.routing.RoutingTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the pure gateway components from configuration. */
final class GatewayBeans {
  private static final int DEFAULT_CONTEXT_WINDOW = 128_000;
  private static final int DEFAULT_MAX_OUTPUT_TOKENS = 4_096;

  /** At start-up: loading the encodings takes about half a second, too long for a first call. */
  @Produces
  @Singleton
  @Startup
  TokenMeter tokenMeter() {
    return new TokenMeter();
  }

  @Produces
  @Singleton
  OfflineProvider offlineProvider(TokenMeter meter) {
    return new OfflineProvider(meter, Infrastructure.getDefaultWorkerPool());
  }

  @Produces
  @Singleton
  RoutingTable routingTable(GatewayConfig config) {
    return RoutingTable.parse(config.routes(), config.defaultProvider(), config.fallbacks());
  }

  @Produces
  @Singleton
  CostTable costTable(GatewayConfig config) {
    CostTable defaults = CostTable.defaults();
    List<ModelCard> overrides =
        config.models().entrySet().stream()
            .map(entry -> merge(defaults.card(entry.getKey()), entry))
            .toList();
    return defaults.with(overrides);
  }

  @Produces
  @Singleton
  ProviderAdapters providerAdapters(
      Vertx vertx, TokenMeter meter, GatewayConfig config, InstantSource clock) {
    ObjectMapper json = new ObjectMapper();
    var http = new ProviderHttp(vertx, json, clock, config.resilience().streamIdleTimeout());
    return new ProviderAdapters(http, meter, json, config.resilience(), clock);
  }

  @Produces
  @Singleton
  ResponseCache responseCache(GatewayConfig config) {
    return new ResponseCache(config.cache().ttl(), config.cache().maxEntries());
  }

  @Produces
  @Singleton
  InstantSource clock() {
    return InstantSource.system();
  }

  private static ModelCard merge(
      Optional<ModelCard> base, Map.Entry<String, GatewayConfig.ModelOverride> entry) {
    GatewayConfig.ModelOverride o = entry.getValue();
    String model = entry.getKey();
    // Only an exact catalog entry is a base: a dated snapshot override starts from scratch.
    Optional<ModelCard> exact = base.filter(card -> card.model().equals(model));
    return new ModelCard(
        model,
        o.inputUsdPer1m()
            .map(Money::microUsd)
            .orElse(exact.map(ModelCard::inputMicroUsdPer1M).orElse(0L)),
        o.cachedInputUsdPer1m()
            .map(Money::microUsd)
            .orElse(exact.map(ModelCard::cachedInputMicroUsdPer1M).orElse(0L)),
        o.outputUsdPer1m()
            .map(Money::microUsd)
            .orElse(exact.map(ModelCard::outputMicroUsdPer1M).orElse(0L)),
        o.contextWindow()
            .orElse(exact.map(ModelCard::contextWindow).orElse(DEFAULT_CONTEXT_WINDOW)),
        o.maxOutputTokens()
            .orElse(exact.map(ModelCard::maxOutputTokens).orElse(DEFAULT_MAX_OUTPUT_TOKENS)));
  }
}
