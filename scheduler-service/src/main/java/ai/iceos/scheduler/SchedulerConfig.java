package ai.iceos.scheduler;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of scheduler-service. The job intervals are also read by {@code @Scheduled} through the
 * same keys in application.properties.
 */
@ConfigMapping(prefix = "iceos.scheduler")
public interface SchedulerConfig {
  Outbox outbox();

  Retries retries();

  Ledger ledger();

  Cache cache();

  Resend resend();

  Plans plans();

  States states();

  /**
   * Attempts of one store transaction whose failure is not transient (the message itself cannot be
   * applied) before the message counts as failed and goes to the dead-letter topic. Transient
   * failures (version conflicts, a lost connection, an overloaded database) are retried for as long
   * as they last.
   */
  @WithDefault("6")
  int maxTransactionAttempts();

  interface Outbox {
    /** How often left-over outbox rows (a crash between commit and send) are sent again. */
    @WithDefault("1s")
    Duration relayInterval();

    /** Rows younger than this are left to the instance that wrote them. */
    @WithDefault("2s")
    Duration relayMinAge();

    /** Rows read and sent per round. */
    @WithDefault("200")
    int batchSize();
  }

  interface Retries {
    /** How often due node retries are looked for. */
    @WithDefault("0.2s")
    Duration pollInterval();

    /** Executions with due retries handled per poll. */
    @WithDefault("50")
    int batchSize();
  }

  interface Resend {
    /** How often running executions without progress are looked at. */
    @WithDefault("10s")
    Duration interval();

    /**
     * An execution unchanged for this long has the tasks of its queued nodes sent again (a task
     * lost between the outbox and a worker); a worker that gets one twice has the second outcome
     * ignored.
     */
    @WithDefault("30s")
    Duration queuedFor();

    /** Executions looked at per round. */
    @WithDefault("100")
    int batchSize();
  }

  interface Plans {
    /**
     * Executions whose parsed plan is kept in memory, so a transaction neither reads nor parses it
     * (decision 0150); the least used are dropped first, and a dropped one is read again. A 40-node
     * plan takes ~100 KB parsed, and the service runs with a 256 MB heap.
     */
    @WithDefault("256")
    int cacheSize();

    /** A plan unused this long is dropped (its execution finished or went quiet). */
    @WithDefault("2m")
    Duration idleFor();
  }

  interface States {
    /**
     * Executions whose last committed state document is kept in memory, so the next transaction
     * writes without reading the run first (decision 0151); the least used are dropped first, and a
     * dropped one is read again. An entry holds the document's text (~12 KB for a 40-node chain)
     * and the parsed plan (~100 KB, shared with {@link Plans}), hence the same bound as the plans'.
     * {@code 0} turns it off: every transaction reads the run.
     */
    @WithDefault("256")
    int cacheSize();

    /** A document unused this long is dropped (its execution went quiet or moved elsewhere). */
    @WithDefault("2m")
    Duration idleFor();
  }

  interface Ledger {
    /**
     * How long applied message ids are kept; a redelivery older than this is caught by the state
     * guard only.
     */
    @WithDefault("168h")
    Duration retention();
  }

  interface Cache {
    /** How long a node's cached output serves later executions (SPEC §2.7, decision 0114). */
    @WithDefault("24h")
    Duration ttl();

    /**
     * Tools never served from the cache unless the node sets {@code use_cache: true} itself
     * (decision 0117): the built-in ones whose run is the point, not just their output, because
     * they post, publish or call out ({@code api_poster}, {@code http_request}, {@code
     * marketplace_client}), wait ({@code sleep}), or answer by attempt rather than by input ({@code
     * flaky}).
     */
    @WithDefault("api_poster,http_request,marketplace_client,sleep,flaky")
    Set<String> sideEffectingTools();
  }
}
