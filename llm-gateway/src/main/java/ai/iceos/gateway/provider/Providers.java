package ai.iceos.gateway.provider;

import ai.iceos.gateway.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
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

  Providers(OfflineProvider offline, GatewayConfig config, ProviderAdapters adapters) {
    this.offline = offline;
    Map<String, LlmProvider> built = new TreeMap<>();
    config
        .providers()
        .forEach(
            (name, settings) ->
                ProviderEndpoints.of(name, settings)
                    .ifPresent(endpoint -> built.put(name, adapters.adapterFor(endpoint))));
    this.byName = Map.copyOf(built);
    Log.infof("LLM providers configured: %s; all others are served offline", byName.keySet());
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
