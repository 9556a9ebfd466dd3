package ai.iceos.worker.seller;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How {@code marketplace_client} and {@code api_poster} publish.
 *
 * @param dryRun true: no network call; ids are local {@code LOC-...} ids
 * @param marketplaceUrl the marketplace API's base URL, or null when none is configured
 * @param apiKeyEnv name of the environment variable with the bearer key
 * @param environment reads environment variables (the process environment outside tests)
 * @param maxAttempts attempts per call (5xx, 429 and connection failures are retried)
 * @param initialBackoff wait before the first retry, doubled for each further one
 */
public record PublishingSettings(
    boolean dryRun,
    URI marketplaceUrl,
    String apiKeyEnv,
    Function<String, String> environment,
    int maxAttempts,
    Duration initialBackoff) {
  public PublishingSettings {
    Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
  }

  /** The bearer key, or null when the variable is unset or blank. */
  String apiKey() {
    String key = environment.apply(apiKeyEnv);
    return key == null || key.isBlank() ? null : key.strip();
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "PublishingSettings[dryRun=" + dryRun + ", marketplaceUrl=" + marketplaceUrl + "]";
  }
}
