package ai.iceos.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

  /** The id reported as {@code worker_id} in {@code NodeStarted}; default host name and pid. */
  Optional<String> id();
}
