package ai.iceos.blueprint.api;

import ai.iceos.blueprint.execution.ExecutionStatus;
import ai.iceos.blueprint.store.StoredExecution;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An execution as a list shows it; the full view is read one by one. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExecutionSummary(
    String executionId,
    String blueprintId,
    String versionLock,
    ExecutionStatus status,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {
  static ExecutionSummary of(StoredExecution execution) {
    var view = execution.view();
    return new ExecutionSummary(
        execution.id().toString(),
        execution.blueprintId().toString(),
        execution.versionLock(),
        view.status(),
        view.createdAt(),
        view.startedAt(),
        view.finishedAt());
  }
}
