package ai.iceos.gateway.provider;

import ai.iceos.gateway.GatewayConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one provider's configuration into a {@link ProviderEndpoint}: the key from {@code api-key}
 * (environment) or {@code api-key-file}, the base URL from config or the vendor's public default. A
 * provider is configured when it has a key or an explicit base URL.
 */
final class ProviderEndpoints {
  private static final Map<String, String> DEFAULT_BASE_URLS =
      Map.of(
          "openai", "https://api.openai.com/v1",
          "anthropic", "https://api.anthropic.com/v1",
          "google", "https://generativelanguage.googleapis.com/v1beta",
          "deepseek", "https://api.deepseek.com/v1",
          "groq", "https://api.groq.com/openai/v1",
          "ollama", "http://127.0.0.1:11434/v1",
          "vllm", "http://127.0.0.1:8000/v1");

  private ProviderEndpoints() {}

  static Optional<ProviderEndpoint> of(String name, GatewayConfig.ProviderSettings settings) {
    Optional<Secret> key =
        settings.apiKey().or(() -> settings.apiKeyFile().map(ProviderEndpoints::read));
    key = key.filter(k -> !k.isBlank());
    if (key.isEmpty() && settings.baseUrl().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> baseUrl =
        settings.baseUrl().or(() -> Optional.ofNullable(DEFAULT_BASE_URLS.get(name)));
    if (baseUrl.isEmpty()) {
      throw new IllegalArgumentException(
          "provider '"
              + name
              + "' has a key but no base-url (iceos.gateway.providers."
              + name
              + ".base-url)");
    }
    var format =
        settings
            .format()
            .map(f -> ProviderEndpoint.WireFormat.valueOf(f.strip().toUpperCase(Locale.ROOT)))
            .orElse(ProviderEndpoint.WireFormat.defaultFor(name));
    return Optional.of(new ProviderEndpoint(name, format, baseUrl.get(), key.orElse(null)));
  }

  private static Secret read(Path file) {
    try {
      return new Secret(Files.readString(file).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key file of a provider: " + file, e);
    }
  }
}
