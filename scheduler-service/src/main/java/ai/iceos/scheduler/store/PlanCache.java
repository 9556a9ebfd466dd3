package ai.iceos.scheduler.store;

import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.scheduler.SchedulerConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Parsed plans per execution id (decision 0150). An execution's plan never changes once its run is
 * stored, so an entry is never stale, on any replica: it is added only from a committed start or
 * from the stored plan, and dropping it only costs a read of the stored plan.
 */
@ApplicationScoped
public class PlanCache {
  private final Cache<String, ExecutionPlan> plans;

  PlanCache(SchedulerConfig config) {
    this.plans =
        Caffeine.newBuilder()
            .maximumSize(config.plans().cacheSize())
            .expireAfterAccess(config.plans().idleFor())
            .build();
  }

  /** The execution's plan, or null when it is not in memory. */
  ExecutionPlan get(String executionId) {
    return plans.getIfPresent(executionId);
  }

  /** Only for a plan that is stored (committed) for this execution. */
  void put(String executionId, ExecutionPlan plan) {
    plans.put(executionId, plan);
  }

  /** Drops a finished execution's plan; a later message about it reads the stored plan again. */
  void forget(String executionId) {
    plans.invalidate(executionId);
  }
}
