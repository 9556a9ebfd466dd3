package ai.iceos.gateway;

import ai.iceos.gateway.provider.Secret;
import ai.iceos.gateway.provider.SecretConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
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

  /**
   * Ordered fallback models per requested model, comma-separated ({@code
   * iceos.gateway.fallbacks."gpt-4o"=claude-sonnet-4,gemini-2.5-flash}); tried in order when the
   * model's provider is open or exhausted its retries.
   */
  Map<String, List<String>> fallbacks();

  /** Retries, timeouts and circuit breaking of provider calls. */
  Resilience resilience();

  /** The exact-match response cache. */
  Cache cache();

  /** RPM/TPM limits per provider and per org, exact across replicas. */
  RateLimits rateLimits();

  /** Per-minute limits; a key without an entry is unlimited. */
  interface RateLimits {
    /** Per provider routing name. */
    Map<String, Limit> providers();

    /** Per org id ({@code X-Iceos-Org-Id}); the entry {@code "*"} applies to every other org. */
    Map<String, Limit> orgs();
  }

  /** Calls and tokens (prompt counted + output limit) per UTC minute; unset means unlimited. */
  interface Limit {
    /** Calls per minute. */
    Optional<Long> rpm();

    /** Tokens per minute. */
    Optional<Long> tpm();
  }

  /** The exact-match response cache of deterministic requests (per replica). */
  interface Cache {
    /** How long an answer is served from the cache. */
    @WithDefault("10m")
    Duration ttl();

    /** Answers kept at most; the least recently used go first. */
    @WithDefault("10000")
    long maxEntries();
  }

  /** How provider calls are retried, timed out and broken, per provider. */
  interface Resilience {
    /** Retries after the first attempt, on 429, 408, 5xx, timeouts and lost connections. */
    @WithDefault("2")
    int maxRetries();

    /** First backoff delay; doubled per retry, with jitter, capped by {@link #maxBackoff()}. */
    @WithDefault("250ms")
    Duration initialBackoff();

    /**
     * Longest backoff; a provider asking (Retry-After) for longer is not retried, its fallback is.
     */
    @WithDefault("10s")
    Duration maxBackoff();

    /** Time limit of one attempt of a non-streaming call. */
    @WithDefault("120s")
    Duration timeout();

    /** Longest silence inside a streamed answer before it counts as cut. */
    @WithDefault("60s")
    Duration streamIdleTimeout();

    /** Calls in the breaker's rolling window before it may open. */
    @WithDefault("10")
    int breakerWindow();

    /** Share of failed calls in the window that opens the breaker (0..1). */
    @WithDefault("0.5")
    double breakerFailureRatio();

    /** How long an open breaker refuses calls before letting a trial call through. */
    @WithDefault("30s")
    Duration breakerDelay();
  }

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

  /** A provider's access; it is used when it has a key or an explicit base URL. */
  interface ProviderSettings {
    /** API key, from the environment only (e.g. ICEOS_GATEWAY_PROVIDERS_OPENAI_API_KEY). */
    @WithConverter(SecretConverter.class)
    Optional<Secret> apiKey();

    /** File holding the API key (e.g. a mounted Kubernetes secret); used when api-key is unset. */
    Optional<Path> apiKeyFile();

    /**
     * Base URL of the provider's API, e.g. {@code http://127.0.0.1:11434/v1} for Ollama. A provider
     * with a base URL but no key is used without one (local servers).
     */
    Optional<String> baseUrl();

    /**
     * Wire format: {@code openai}, {@code anthropic} or {@code google}; by default the provider's
     * own for anthropic and google, else openai (DeepSeek, Groq, Ollama, vLLM).
     */
    Optional<String> format();
  }
}
