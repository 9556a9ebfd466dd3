package ai.iceos.blueprint;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of blueprint-service. */
@ConfigMapping(prefix = "iceos.blueprint")
public interface BlueprintServiceConfig {
  /** How long a create waits for the compiler's verdict before answering 202 pending. */
  @WithDefault("10s")
  Duration compileTimeout();

  /** How long a request waits for the broker to acknowledge a command it sends. */
  @WithDefault("5s")
  Duration sendTimeout();

  /** How often a waiter re-reads the database when the wake-up may come from another replica. */
  @WithDefault("100ms")
  Duration pollInterval();

  /** Largest accepted request body (bytes, K/M suffixes); larger bodies get 413. */
  @WithDefault("2M")
  MemorySize maxBodySize();

  /** How often overdue commands (pending blueprints and executions) are re-sent. */
  @WithDefault("5s")
  Duration resendEvery();

  /** Requests per token and minute for orgs whose policy sets no {@code rate_limit_per_minute}. */
  @WithDefault("60000")
  int rateLimitPerMinute();

  /** An execution with no event for this long after its start gets its StartRun re-sent. */
  @WithDefault("30s")
  Duration startResendAfter();

  /**
   * How long a replica trusts a token it has looked up (decision 0118): a token deleted or moved to
   * another org in {@code api_token} stops working (or changes org) within this time. Unknown
   * tokens are never cached, so a new token works at once. {@code 0s} turns the cache off.
   */
  @WithDefault("5s")
  Duration tokenCacheTtl();
}
