package ai.iceos.blueprint.store;

import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.contracts.messaging.RunOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * One stored execution.
 *
 * @param revision the blueprint revision it runs (pinned at start)
 * @param view the public view, folded from the events applied so far
 */
public record StoredExecution(
    UUID id,
    String orgId,
    UUID blueprintId,
    long revision,
    String versionLock,
    JsonNode inputs,
    RunOptions options,
    ExecutionView view) {
  public StoredExecution {
    inputs = inputs.deepCopy();
  }
}
