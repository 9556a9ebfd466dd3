package ai.iceos.scheduler.store;

import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.scheduler.SchedulerConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The state document this instance last committed per execution, with the version it committed
 * (decision 0151). The text is kept, not the object, so a transaction that starts from it reads
 * exactly what a load from the table would have read. An entry may be stale (another replica took
 * the execution over and changed it, a commit's outcome was lost): the write that uses it checks
 * the version and, on a mismatch, changes nothing, and the store falls back to reading the run.
 */
@ApplicationScoped
public class StateCache {
  /**
   * A committed state document, the run version it was committed as, and the run's plan (stored
   * apart, decision 0150), so a hit needs nothing else in memory.
   */
  record Committed(long version, String state, ExecutionPlan plan) {}

  private final Cache<String, Committed> states;
  private final boolean enabled;

  StateCache(SchedulerConfig config) {
    this.enabled = config.states().cacheSize() > 0;
    this.states =
        Caffeine.newBuilder()
            .maximumSize(config.states().cacheSize())
            .expireAfterAccess(config.states().idleFor())
            .build();
  }

  /** Removes and answers the execution's entry, or null; a commit puts the next one. */
  Committed take(String executionId) {
    return states.asMap().remove(executionId);
  }

  /** Only for a document committed as its {@code version}. */
  void put(String executionId, Committed committed) {
    if (enabled) {
      states.put(executionId, committed);
    }
  }

  void forget(String executionId) {
    states.invalidate(executionId);
  }
}
