package ai.iceos.blueprint.store;

import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * A child execution (started by a {@code workflow} node in the scheduler, decision 0114) gets its
 * row from its {@code workflow.started}, which names its parent and org; its revision is the stored
 * revision with its version lock (0 when that is gone). Any other event of an unknown execution
 * creates nothing.
 */
final class ChildExecutions {
  private ChildExecutions() {}

  /** The row the batch's {@code workflow.started} describes, if it has a usable one. */
  static Optional<Tuple> row(UUID id, Collection<RunEvent> batch) {
    return batch.stream()
        .filter(e -> e.eventType() == RunEventType.WORKFLOW_STARTED)
        .findFirst()
        .flatMap(started -> row(id, started));
  }

  static Uni<Void> insert(SqlConnection connection, Tuple row) {
    return connection.preparedQuery(ExecutionRows.INSERT_CHILD).execute(row).replaceWithVoid();
  }

  private static Optional<Tuple> row(UUID id, RunEvent started) {
    JsonNode data = started.data();
    Optional<UUID> blueprintId = uuid(data.path("blueprint_id").asText(""));
    if (!data.path("parent_execution_id").isTextual()
        || !data.path("org_id").isTextual()
        || blueprintId.isEmpty()) {
      return Optional.empty();
    }
    String versionLock = data.path("version_lock").asText("");
    StoredExecution child =
        new StoredExecution(
            id,
            data.get("org_id").asText(),
            blueprintId.get(),
            0,
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
                started.timestamp(),
                data.get("parent_execution_id").asText(),
                data.path("parent_node_id").asText(null)));
    return Optional.of(ExecutionRows.pending(child, null));
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
