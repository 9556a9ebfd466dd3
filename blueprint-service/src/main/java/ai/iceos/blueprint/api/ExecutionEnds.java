package ai.iceos.blueprint.api;

import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.blueprint.store.ExecutionStore;
import ai.iceos.blueprint.store.StoredExecution;
import ai.iceos.blueprint.waiting.WaitKeys;
import ai.iceos.blueprint.waiting.Wakeups;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Waits, bounded, for an execution to end ({@code ?wait_seconds=N}). Woken only when this replica
 * folds the execution's end (not by every event, decision 0124), and re-reads at least every poll
 * interval for an end folded by another replica.
 */
@ApplicationScoped
class ExecutionEnds {
  private final ExecutionStore executions;
  private final Wakeups wakeups;

  ExecutionEnds(ExecutionStore executions, Wakeups wakeups) {
    this.executions = executions;
    this.wakeups = wakeups;
  }

  /** The final view, or empty if the execution has not ended within {@code wait}. */
  Uni<Optional<ExecutionView>> await(String org, UUID id, Duration wait) {
    if (wait.isZero()) {
      return Uni.createFrom().item(Optional.empty());
    }
    return wakeups.await(
        WaitKeys.executionEnd(id.toString()),
        () ->
            executions
                .find(org, id)
                .map(
                    found -> found.map(StoredExecution::view).filter(v -> v.status().isTerminal())),
        wait);
  }
}
