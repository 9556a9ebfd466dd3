package ai.iceos.gateway.provider;

import ai.iceos.gateway.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The providers of this gateway by routing name. A routed provider that has no adapter bean or no
 * configured key is served by the {@link OfflineProvider}, so every model works without keys.
 */
@Singleton
@Startup
public class Providers {
  private final Map<String, LlmProvider> byName;
  private final OfflineProvider offline;

  Providers(Instance<LlmProvider> adapters, OfflineProvider offline, GatewayConfig config) {
    this.offline = offline;
    this.byName =
        adapters.stream()
            .filter(provider -> hasKey(config, provider.name()))
            .collect(Collectors.toUnmodifiableMap(LlmProvider::name, Function.identity()));
    config.providers().forEach((name, settings) -> reportUnused(name, settings));
    Log.infof("LLM providers with keys: %s; all others are served offline", byName.keySet());
  }

  /** The provider serving {@code routedName}. */
  public LlmProvider serving(String routedName) {
    return byName.getOrDefault(routedName, offline);
  }

  private void reportUnused(String name, GatewayConfig.ProviderSettings settings) {
    if (settings.apiKey().isPresent() && !byName.containsKey(name)) {
      Log.warnf("A key is configured for provider '%s', which has no adapter; using offline", name);
    }
  }

  private static boolean hasKey(GatewayConfig config, String name) {
    GatewayConfig.ProviderSettings settings = config.providers().get(name);
    return settings != null && settings.apiKey().filter(key -> !key.isBlank()).isPresent();
  }
}
