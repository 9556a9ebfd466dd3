package ai.iceos.blueprint.execution;

import ai.iceos.contracts.messaging.RunOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A validated {@code POST /api/v1/executions} body; read with {@link StartExecutionRequestReader}.
 *
 * @param versionLock the revision to run, or null for the current one
 * @param inputs run inputs, {@code {}} when absent
 */
public record StartExecutionRequest(
    String blueprintId, String versionLock, ObjectNode inputs, RunOptions options) {
  public StartExecutionRequest {
    Objects.requireNonNull(blueprintId, "blueprint_id");
    inputs = inputs.deepCopy();
    options = options == null ? RunOptions.defaults() : options;
  }
}
