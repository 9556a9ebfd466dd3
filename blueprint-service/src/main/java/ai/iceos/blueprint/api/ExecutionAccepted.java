package ai.iceos.blueprint.api;

import ai.iceos.blueprint.execution.ExecutionStatus;

/** The 202 answer to a start: where to follow the execution. */
public record ExecutionAccepted(
    String executionId, ExecutionStatus status, String statusEndpoint, String eventsEndpoint) {
  static ExecutionAccepted of(String executionId, ExecutionStatus status) {
    String self = "/api/v1/executions/" + executionId;
    return new ExecutionAccepted(executionId, status, self, self + "/events");
  }
}
