package ai.iceos.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The event names of SPEC §4. */
public enum RunEventType {
  WORKFLOW_STARTED("workflow.started"),
  LEVEL_STARTED("level.started"),
  LEVEL_COMPLETED("level.completed"),
  NODE_QUEUED("node.queued"),
  NODE_STARTED("node.started"),
  NODE_RETRYING("node.retrying"),
  NODE_COMPLETED("node.completed"),
  NODE_FAILED("node.failed"),
  NODE_SKIPPED("node.skipped"),
  NODE_WAITING("node.waiting"),
  NODE_ALERT("node.alert"),
  NODE_TOKEN_DELTA("node.token_delta"),
  RESOURCE_TOKEN_UPDATE("resource.token_update"),
  RESOURCE_COST_UPDATE("resource.cost_update"),
  WORKFLOW_PAUSED("workflow.paused"),
  WORKFLOW_RESUMED("workflow.resumed"),
  WORKFLOW_COMPLETED("workflow.completed"),
  WORKFLOW_FAILED("workflow.failed"),
  WORKFLOW_CANCELLED("workflow.cancelled");

  private final String wireName;

  RunEventType(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static RunEventType fromWireName(String name) {
    return Arrays.stream(values())
        .filter(t -> t.wireName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown event type '" + name + "'"));
  }

  /** The last event of an execution: nothing follows it. */
  public boolean isTerminal() {
    return this == WORKFLOW_COMPLETED || this == WORKFLOW_FAILED || this == WORKFLOW_CANCELLED;
  }
}
