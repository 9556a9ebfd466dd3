package ai.iceos.blueprint.store;

import ai.iceos.blueprint.execution.ExecutionStatus;
import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.blueprint.execution.ExecutionViewProjector;
import ai.iceos.blueprint.execution.NestedNodes;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
    return appendAll(List.of(event));
  }

  /**
   * {@link #append} for several events of one execution in one transaction: each is stored (a
   * duplicate is ignored), then the view is read, folded and written once (decision 0118).
   *
   * @param events events of one execution, in the order received
   * @return the view after this call, or empty when the execution is unknown
   */
  public Uni<Optional<ExecutionView>> appendAll(List<RunEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    UUID id;
    try {
      id = UUID.fromString(events.getFirst().executionId());
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().item(Optional.empty());
    }
    if (events.stream().anyMatch(e -> !e.executionId().equals(events.getFirst().executionId()))) {
      throw new IllegalArgumentException("events of more than one execution");
    }
    return sessions.inTransaction(
        () ->
            insertEvents(id, events)
                .chain(
                    () ->
                        ExecutionEntity.<ExecutionEntity>findById(
                            id, LockModeType.PESSIMISTIC_WRITE))
                .chain(found -> found != null ? Uni.createFrom().item(found) : child(id, events))
                .chain(this::fold));
  }

  private static Uni<ExecutionEntity> child(UUID id, List<RunEvent> events) {
    return events.stream()
        .filter(e -> e.eventType() == RunEventType.WORKFLOW_STARTED)
        .findFirst()
        .map(started -> child(id, started))
        .orElseGet(() -> Uni.createFrom().nullItem());
  }

  private static Uni<Void> insertEvents(UUID id, List<RunEvent> events) {
    Uni<Void> inserted = Uni.createFrom().voidItem();
    for (RunEvent event : events) {
      inserted = inserted.chain(() -> insertEvent(id, event)).replaceWithVoid();
    }
    return inserted;
  }

  /**
   * A child execution (started by a {@code workflow} node in the scheduler, decision 0114) gets its
   * row from its {@code workflow.started}, which names its parent and org; its revision is the
   * stored revision with its version lock (0 when that is gone). Any other event of an unknown
   * execution creates nothing.
   */
  private static Uni<ExecutionEntity> child(UUID id, RunEvent event) {
    JsonNode data = event.data();
    Optional<UUID> blueprintId = uuid(data.path("blueprint_id").asText(""));
    if (event.eventType() != RunEventType.WORKFLOW_STARTED
        || !data.path("parent_execution_id").isTextual()
        || !data.path("org_id").isTextual()
        || blueprintId.isEmpty()) {
      return Uni.createFrom().nullItem();
    }
    String versionLock = data.path("version_lock").asText("");
    return revision(blueprintId.get(), versionLock)
        .chain(
            revision -> {
              StoredExecution child =
                  new StoredExecution(
                      id,
                      data.get("org_id").asText(),
                      blueprintId.get(),
                      revision,
                      versionLock,
                      data.path("inputs").isObject()
                          ? data.get("inputs")
                          : JsonNodeFactory.instance.objectNode(),
                      RunOptions.defaults(),
                      ExecutionView.child(
                          id.toString(),
                          blueprintId.get().toString(),
                          versionLock,
                          data.get("inputs"),
                          event.timestamp(),
                          data.get("parent_execution_id").asText(),
                          data.path("parent_node_id").asText(null)));
              ExecutionEntity entity = ExecutionEntity.pending(child, null);
              return entity.persist().replaceWith(entity);
            });
  }

  private static Uni<Long> revision(UUID blueprintId, String versionLock) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select revision from blueprint.blueprint_version"
                            + " where blueprint_id = :id and version_lock = :lock",
                        Long.class)
                    .setParameter("id", blueprintId)
                    .setParameter("lock", versionLock)
                    .getResultList())
        .map(rows -> rows.isEmpty() ? 0L : rows.getFirst());
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
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
    ExecutionView before = execution.toView();
    return RunEventEntity.<RunEventEntity>find(
            "executionId = ?1 and sequence > ?2", Sort.by("sequence"), execution.id, applied)
        .<RunEventEntity>list()
        .chain(
            events ->
                nestedNodes(execution, before, events)
                    .map(
                        nested ->
                            Optional.of(foldInOrder(execution, before, applied, events, nested))));
  }

  /**
   * The pinned plan's nodes, read only when an event names a node the view does not have yet (a
   * nested node, met under its path id), so that it gets its type and level.
   */
  private static Uni<NestedNodes> nestedNodes(
      ExecutionEntity execution, ExecutionView view, List<RunEventEntity> events) {
    boolean unknown =
        events.stream().anyMatch(e -> e.nodeId != null && !view.nodes().containsKey(e.nodeId));
    if (!unknown) {
      return Uni.createFrom().item(NestedNodes.NONE);
    }
    return BlueprintVersionEntity.<BlueprintVersionEntity>find(
            "blueprintId = ?1 and revision = ?2", execution.blueprintId, execution.revision)
        .<BlueprintVersionEntity>firstResult()
        .map(
            version ->
                version == null || version.plan == null
                    ? NestedNodes.NONE
                    : NestedNodes.of(version.toPlan()));
  }

  private static ExecutionView foldInOrder(
      ExecutionEntity execution,
      ExecutionView before,
      long applied,
      List<RunEventEntity> events,
      NestedNodes nested) {
    ExecutionView view = before;
    long last = applied;
    for (RunEventEntity event : events) {
      if (event.sequence != last + 1) {
        break;
      }
      view = ExecutionViewProjector.apply(view, event.toEvent(), nested);
      last++;
    }
    if (last == applied) {
      return before;
    }
    execution.fold(view, last);
    return view;
  }
}
