package ai.iceos.blueprint.store;

import ai.iceos.blueprint.execution.ExecutionStatus;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Executions and their event logs; each method is one transaction. */
@ApplicationScoped
public class ExecutionStore {
  private final Sessions sessions;
  private final Pool pool;
  private final FoldedViews views;
  private final InstantSource clock;

  ExecutionStore(Sessions sessions, Pool pool, FoldedViews views, InstantSource clock) {
    this.sessions = sessions;
    this.pool = pool;
    this.views = views;
    this.clock = clock;
  }

  /**
   * Stores a new pending execution, unless the org already has one with the same idempotency key:
   * then that one is returned instead. One autocommitted statement on the reactive pool (decision
   * 0123); a concurrent start with the same key waits for the first and then finds it. The new view
   * is remembered, so that folding the first events does not read it back.
   */
  public Uni<StoredExecution> create(StoredExecution execution, String idempotencyKey) {
    return pool.preparedQuery(ExecutionRows.INSERT)
        .execute(ExecutionRows.pending(execution, idempotencyKey))
        .chain(
            rows ->
                rows.rowCount() == 1
                    ? Uni.createFrom().item(remembered(execution))
                    : storedInstead(execution, idempotencyKey));
  }

  private StoredExecution remembered(StoredExecution execution) {
    views.written(
        execution.id(),
        new FoldedViews.Folded(0, execution.view(), execution.blueprintId(), execution.revision()));
    return execution;
  }

  private Uni<StoredExecution> storedInstead(StoredExecution execution, String key) {
    IllegalStateException notStored =
        new IllegalStateException("execution " + execution.id() + " was not stored");
    if (key == null) {
      return Uni.createFrom().failure(notStored);
    }
    return byIdempotencyKey(execution.orgId(), key)
        .chain(
            stored ->
                stored.isPresent()
                    ? Uni.createFrom().item(stored.get())
                    : Uni.createFrom().failure(notStored));
  }

  public Uni<Optional<StoredExecution>> byIdempotencyKey(String orgId, String key) {
    return sessions
        .inSession(
            () ->
                ExecutionEntity.<ExecutionEntity>find(
                        "orgId = ?1 and idempotencyKey = ?2", orgId, key)
                    .firstResult())
        .map(found -> Optional.ofNullable(found).map(ExecutionEntity::toStored));
  }

  public Uni<Optional<StoredExecution>> find(String orgId, UUID id) {
    return sessions
        .inSession(
            () ->
                ExecutionEntity.<ExecutionEntity>find("id = ?1 and orgId = ?2", id, orgId)
                    .firstResult())
        .map(found -> Optional.ofNullable(found).map(ExecutionEntity::toStored));
  }

  /** Executions with no event applied whose last StartRun is older than {@code age}. */
  public Uni<List<StoredExecution>> overdue(Duration age, int limit) {
    var before = JsonColumns.at(clock.instant().minus(age));
    return sessions
        .inSession(
            () ->
                ExecutionEntity.<ExecutionEntity>find(
                        "status = ?1 and lastSequence = 0 and startRequestedAt < ?2",
                        Sort.by("startRequestedAt"),
                        ExecutionStatus.PENDING.wireName(),
                        before)
                    .page(0, limit)
                    .<ExecutionEntity>list())
        .map(rows -> rows.stream().map(ExecutionEntity::toStored).toList());
  }

  /** Records that a StartRun was (re-)sent now. */
  public Uni<Void> startRequested(UUID id) {
    var now = JsonColumns.at(clock.instant());
    return sessions
        .inTransaction(() -> ExecutionEntity.update("startRequestedAt = ?1 where id = ?2", now, id))
        .replaceWithVoid();
  }
}
