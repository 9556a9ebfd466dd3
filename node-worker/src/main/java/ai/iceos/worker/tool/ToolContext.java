package ai.iceos.worker.tool;

/**
 * Which attempt a tool runs for.
 *
 * @param orgId the owning organisation, or null when the task carries none
 * @param attempt 1 for the first attempt of the node in this execution
 */
public record ToolContext(
    String executionId, String nodeId, String taskId, String orgId, int attempt) {}
