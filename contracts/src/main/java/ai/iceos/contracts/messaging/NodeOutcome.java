package ai.iceos.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a node-worker reports about one attempt, on {@link Topics#NODE_OUTCOMES} keyed by execution
 * id. The scheduler applies each (task id, kind) once and ignores outcomes of superseded attempts.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = NodeStarted.class, name = "node.started"),
  @JsonSubTypes.Type(value = NodeCompleted.class, name = "node.completed"),
  @JsonSubTypes.Type(value = NodeFailed.class, name = "node.failed"),
  @JsonSubTypes.Type(value = NodeTokenDelta.class, name = "node.token_delta")
})
public sealed interface NodeOutcome extends IceosMessage
    permits NodeStarted, NodeCompleted, NodeFailed, NodeTokenDelta {
  String taskId();

  String executionId();

  String nodeId();

  int attempt();
}
