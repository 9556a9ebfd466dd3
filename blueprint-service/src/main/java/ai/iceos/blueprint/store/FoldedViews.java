package ai.iceos.blueprint.store;

import ai.iceos.blueprint.execution.ExecutionView;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * The view this replica last wrote for each execution, with the {@code last_sequence} it was
 * written at (decision 0123). A view is a pure fold of the stored events up to {@code
 * last_sequence} and only the projection changes it, so a row whose {@code last_sequence} is the
 * same holds this view; the projection reads the stored view only when it is not.
 */
@ApplicationScoped
class FoldedViews {
  private static final long MAX_VIEWS = 20_000;
  private static final Duration IDLE = Duration.ofMinutes(2);

  /**
   * The view of an execution with every event up to {@code lastSequence} folded in, and the
   * revision it runs (for nested nodes' types).
   */
  record Folded(long lastSequence, ExecutionView view, UUID blueprintId, long revision) {}

  private final Cache<UUID, Folded> views =
      Caffeine.newBuilder().maximumSize(MAX_VIEWS).expireAfterAccess(IDLE).build();

  /** What this replica last wrote for the execution, or null. */
  Folded lastWritten(UUID executionId) {
    return views.getIfPresent(executionId);
  }

  /** Call only once the row with this view and {@code last_sequence} is committed. */
  void written(UUID executionId, Folded folded) {
    views.put(executionId, folded);
  }
}
