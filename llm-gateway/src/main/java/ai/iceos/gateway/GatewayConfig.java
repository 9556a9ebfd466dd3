package ai.iceos.gateway;

import ai.iceos.gateway.provider.Secret;
import ai.iceos.gateway.provider.SecretConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configuration of the LLM gateway ({@code iceos.gateway.*}). */
@ConfigMapping(prefix = "iceos.gateway")
public interface GatewayConfig {

  /**
   * Ordered routing rules {@code glob=provider}, comma-separated; the first rule matching the
   * requested model wins.
   */
  @WithDefault(
      "gpt-*=openai,chatgpt-*=openai,o1*=openai,o3*=openai,o4*=openai,claude-*=anthropic,"
          + "gemini-*=google,offline*=offline,echo*=offline")
  List<String> routes();

  /** Provider for models no rule matches; when unset such models are answered 404. */
  Optional<String> defaultProvider();

  /** Price and limit overrides (or additions) per model name; see {@link ModelOverride}. */
  Map<String, ModelOverride> models();

  /** Credentials and endpoints per provider name. */
  Map<String, ProviderSettings> providers();

  /** One model's catalog entry; unset keys keep the built-in value (0 / defaults if none). */
  interface ModelOverride {
    /** USD per 1M input tokens. */
    @WithName("input-usd-per-1m")
    Optional<BigDecimal> inputUsdPer1m();

    /** USD per 1M cached input tokens. */
    @WithName("cached-input-usd-per-1m")
    Optional<BigDecimal> cachedInputUsdPer1m();

    /** USD per 1M output tokens. */
    @WithName("output-usd-per-1m")
    Optional<BigDecimal> outputUsdPer1m();

    /** Context window in tokens. */
    Optional<Integer> contextWindow();

    /** Output tokens reserved for a request without max_tokens. */
    Optional<Integer> maxOutputTokens();
  }

  /** A provider's access; the provider is used only when its key is set. */
  interface ProviderSettings {
    /** API key, from the environment only (e.g. ICEOS_GATEWAY_PROVIDERS_OPENAI_API_KEY). */
    @WithConverter(SecretConverter.class)
    Optional<Secret> apiKey();

    /** Base URL of the provider's API (for OpenAI-compatible servers). */
    Optional<String> baseUrl();
  }
}
