package ai.iceos.gateway.provider;

import java.util.Objects;
import java.util.Optional;

/**
 * Where and how one configured provider is reached: its routing {@code name}, the wire format it
 * speaks, its base URL (without trailing slash) and its key, if it needs one.
 */
public record ProviderEndpoint(String name, WireFormat format, String baseUrl, Secret key) {
  public ProviderEndpoint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(baseUrl, "baseUrl");
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public Optional<Secret> apiKey() {
    return Optional.ofNullable(key).filter(k -> !k.isBlank());
  }

  /** The APIs the gateway has adapters for. */
  public enum WireFormat {
    OPENAI,
    ANTHROPIC,
    GOOGLE;

    /** The format a provider speaks by default: its own for anthropic and google, else OpenAI's. */
    public static WireFormat defaultFor(String provider) {
      return switch (provider) {
        case "anthropic" -> ANTHROPIC;
        case "google", "gemini" -> GOOGLE;
        default -> OPENAI;
      };
    }
  }
}
