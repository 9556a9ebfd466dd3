package ai.iceos.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** node-worker settings ({@code iceos.worker.*}). */
@ConfigMapping(prefix = "iceos.worker")
public interface WorkerConfig {
  /**
   * Tasks this worker runs at once; further tasks stay in Kafka until one finishes. Tasks wait on
   * timers and non-blocking I/O, so this bounds memory and downstream load, not threads.
   */
  @WithDefault("64")
  int maxConcurrentTasks();

  /**
   * Tasks received beyond {@link #maxConcurrentTasks()} that wait for a free slot; a freed slot
   * goes to the waiting task of the earliest-started execution. Waiting tasks are not acked, so
   * their offsets are not committed before they finish. 0 = run tasks in arrival order.
   */
  @WithDefault("64")
  int maxWaitingTasks();

  /**
   * How long the report of an attempt's start ({@code NodeStarted}) is held back (decision 0104):
   * an attempt that ends sooner is reported by its {@code NodeCompleted} or {@code NodeFailed}
   * alone, which carries the start, so the scheduler applies one report instead of two. A longer
   * attempt's {@code NodeStarted} goes out when the delay has passed. {@code 0} sends it at once.
   */
  @WithDefault("50ms")
  Duration startedReportDelay();

  /**
   * The id reported as {@code worker_id} in {@code NodeStarted} and in the outcomes that report the
   * start; default host name and pid.
   */
  Optional<String> id();

  /**
   * Directory {@code csv_loader} reads a relative {@code path} from; unset = the demo data shipped
   * inside the worker (classpath {@code data/}), which works from any working directory.
   */
  Optional<Path> dataDir();

  /** Outbound HTTP of {@code http_request}, {@code api_poster} and {@code marketplace_client}. */
  Http http();

  /** {@code marketplace_client} and {@code api_poster}. */
  Publishing publishing();

  /** {@code code} nodes (GraalJS sandbox). */
  Code code();

  /** Limits of one {@code code} node run, besides the attempt's deadline. */
  interface Code {
    /** JavaScript statements one run may execute; more fails it as {@code code-limit}. */
    @WithDefault("10000000")
    long maxStatements();

    /** Largest JSON output of one run, in characters. */
    @WithDefault("1000000")
    int maxOutputChars();

    /**
     * Bytes one run may allocate (garbage included; sampled every 10 ms on the running thread);
     * more fails it as {@code code-limit}. GraalJS community has no per-context heap limit.
     */
    @WithDefault("1073741824")
    long maxAllocatedBytes();
  }

  /** Outbound HTTP limits. */
  interface Http {
    /**
     * Hosts that may be reached over plain http and on private, loopback or link-local addresses
     * (exact host names or IP literals, case-insensitive). Every other host must be public https.
     */
    Optional<List<String>> allowedHosts();

    /** Connect and whole-response timeout of one request. */
    @WithDefault("10s")
    Duration timeout();

    /** Largest response body read, in bytes; a larger one fails the call. */
    @WithDefault("1048576")
    long maxResponseBytes();

    /** Redirects followed per request; each hop is checked like the first request. */
    @WithDefault("5")
    int maxRedirects();
  }

  /** Publishing listings and payloads to external APIs. */
  interface Publishing {
    /** true: no network call, {@code LOC-...} ids are returned (the offline default). */
    @WithDefault("true")
    boolean dryRun();

    /** Base URL of the marketplace API that {@code marketplace_client} posts listings to. */
    Optional<URI> marketplaceUrl();

    /** Name of the environment variable holding the bearer key; the key is never logged. */
    @WithDefault("ICEOS_PUBLISHING_API_KEY")
    String apiKeyEnv();

    /** Attempts per call; 5xx and 429 answers are retried with exponential backoff. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before the first retry; doubled for each further retry. */
    @WithDefault("500ms")
    Duration initialBackoff();
  }
}
