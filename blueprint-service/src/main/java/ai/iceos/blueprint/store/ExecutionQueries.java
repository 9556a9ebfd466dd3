package ai.iceos.blueprint.store;

import ai.iceos.blueprint.execution.ExecutionStatus;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Reads of executions beyond one by id: filtered lists and the event log in order. */
@ApplicationScoped
public class ExecutionQueries {
  private final Sessions sessions;

  ExecutionQueries(Sessions sessions) {
    this.sessions = sessions;
  }

  /**
   * The org's executions, newest first, optionally of one blueprint and in one status, after {@code
   * after} (null for the first page).
   */
  public Uni<Page<StoredExecution>> list(
      String orgId, UUID blueprintId, ExecutionStatus status, PageCursor after, int limit) {
    StringBuilder query = new StringBuilder("orgId = :org");
    Parameters parameters = Parameters.with("org", orgId);
    if (blueprintId != null) {
      query.append(" and blueprintId = :blueprint");
      parameters.and("blueprint", blueprintId);
    }
    if (status != null) {
      query.append(" and status = :status");
      parameters.and("status", status.wireName());
    }
    if (after != null) {
      query.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
      parameters.and("at", JsonColumns.at(after.createdAt())).and("id", after.id());
    }
    return sessions
        .inSession(
            () ->
                ExecutionEntity.<ExecutionEntity>find(
                        query.toString(), Sort.descending("createdAt", "id"), parameters)
                    .page(0, limit + 1)
                    .<ExecutionEntity>list())
        .map(
            rows ->
                Page.of(
                    rows,
                    limit,
                    ExecutionEntity::toStored,
                    row -> new PageCursor(JsonColumns.instant(row.createdAt), row.id)));
  }

  /**
   * The events after sequence {@code after}, at most {@code limit}, only as far as they are folded
   * into the view (so never past a gap that a late event has yet to fill).
   */
  public Uni<EventBatch> eventsAfter(UUID executionId, long after, int limit) {
    return sessions.inSession(
        () ->
            ExecutionEntity.<ExecutionEntity>findById(executionId)
                .chain(
                    execution ->
                        RunEventEntity.<RunEventEntity>find(
                                "executionId = ?1 and sequence > ?2 and sequence <= ?3",
                                Sort.by("sequence"),
                                executionId,
                                after,
                                execution.lastSequence)
                            .page(0, limit)
                            .<RunEventEntity>list()
                            .map(
                                rows ->
                                    EventBatch.of(
                                        rows.stream().map(RunEventEntity::toEvent).toList(),
                                        execution.lastSequence,
                                        status(execution).isTerminal(),
                                        status(execution) == ExecutionStatus.FAILED))));
  }

  private static ExecutionStatus status(ExecutionEntity execution) {
    return ExecutionStatus.fromWireName(execution.status);
  }
}
