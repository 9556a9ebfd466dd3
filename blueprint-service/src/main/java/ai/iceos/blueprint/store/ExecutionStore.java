package ai.iceos.blueprint.store;

import ai.iceos.blueprint.execution.ExecutionStatus;
import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.blueprint.execution.ExecutionViewProjector;
import ai.iceos.contracts.messaging.RunEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Executions and their event logs; each method is one transaction. */
@ApplicationScoped
public class ExecutionStore {
  /**
   * Insert-if-absent, so that a concurrent copy of the event waits for the first transaction
   * instead of failing it.
   */
  private static final String INSERT_EVENT =
      "insert into blueprint.run_event (execution_id, sequence, message_id, event_type, node_id,"
          + " data, timestamp) values (:executionId, :sequence, :messageId, :eventType,"
          + " cast(:nodeId as text), cast(cast(:data as text) as jsonb), :timestamp)"
          + " on conflict (execution_id, sequence) do nothing";

  private final Sessions sessions;
  private final InstantSource clock;

  ExecutionStore(Sessions sessions, InstantSource clock) {
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * Stores a new pending execution, unless the org already has one with the same idempotency key:
   * then that one is returned instead (a concurrent start with the key fails on its unique
   * constraint, and the retry finds the winner).
   */
  public Uni<StoredExecution> create(StoredExecution execution, String idempotencyKey) {
    return sessions
        .inTransaction(() -> ExecutionEntity.pending(execution, idempotencyKey).persist())
        .replaceWith(execution)
        .onFailure()
        .recoverWithUni(failure -> storedInstead(execution.orgId(), idempotencyKey, failure));
  }

  private Uni<StoredExecution> storedInstead(String orgId, String key, Throwable failure) {
    if (key == null) {
      return Uni.createFrom().failure(failure);
    }
    return byIdempotencyKey(orgId, key)
        .onFailure()
        .recoverWithItem(Optional.empty())
        .chain(
            stored ->
                stored.isPresent()
                    ? Uni.createFrom().item(stored.get())
                    : Uni.createFrom().failure(failure));
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

  /**
   * Stores the event (a duplicate is ignored) and folds every stored event that is next in sequence
   * into the view, so an event that arrives early waits for the gap to fill.
   *
   * @return the view after this call, or empty when the execution is unknown
   */
  public Uni<Optional<ExecutionView>> append(RunEvent event) {
    UUID id;
    try {
      id = UUID.fromString(event.executionId());
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().item(Optional.empty());
    }
    return sessions.inTransaction(
        () ->
            insertEvent(id, event)
                .chain(
                    () ->
                        ExecutionEntity.<ExecutionEntity>findById(
                            id, LockModeType.PESSIMISTIC_WRITE))
                .chain(this::fold));
  }

  private static Uni<Integer> insertEvent(UUID id, RunEvent event) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(INSERT_EVENT)
                    .setParameter("executionId", id)
                    .setParameter("sequence", event.sequence())
                    .setParameter("messageId", event.messageId())
                    .setParameter("eventType", event.eventType().wireName())
                    .setParameter("nodeId", event.nodeId())
                    .setParameter("data", JsonColumns.write(event.data()))
                    .setParameter("timestamp", JsonColumns.at(event.timestamp()))
                    .executeUpdate());
  }

  /** Runs in {@link #append}'s transaction, with the execution row locked. */
  private Uni<Optional<ExecutionView>> fold(ExecutionEntity execution) {
    if (execution == null) {
      return Uni.createFrom().item(Optional.empty());
    }
    long applied = execution.lastSequence;
    return RunEventEntity.<RunEventEntity>find(
            "executionId = ?1 and sequence > ?2", Sort.by("sequence"), execution.id, applied)
        .<RunEventEntity>list()
        .map(events -> Optional.of(foldInOrder(execution, applied, events)));
  }

  private static ExecutionView foldInOrder(
      ExecutionEntity execution, long applied, List<RunEventEntity> events) {
    ExecutionView before = execution.toView();
    ExecutionView view = before;
    long last = applied;
    for (RunEventEntity event : events) {
      if (event.sequence != last + 1) {
        break;
      }
      view = ExecutionViewProjector.apply(view, event.toEvent());
      last++;
    }
    if (last == applied) {
      return before;
    }
    execution.fold(view, last);
    return view;
  }
}
