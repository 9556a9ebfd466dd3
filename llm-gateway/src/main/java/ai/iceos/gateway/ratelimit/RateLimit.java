package ai.iceos.gateway.ratelimit;

import java.util.Objects;

/**
 * A per-minute limit on one key ({@code org:<id>} or {@code provider:<name>}): calls and tokens
 * (the prompt as counted plus the output limit) per UTC minute. {@link Long#MAX_VALUE} means
 * unlimited.
 */
public record RateLimit(String key, long requestsPerMinute, long tokensPerMinute) {
  public RateLimit {
    Objects.requireNonNull(key, "key");
    if (requestsPerMinute < 0 || tokensPerMinute < 0) {
      throw new IllegalArgumentException("rate limits must not be negative: " + key);
    }
  }
}
