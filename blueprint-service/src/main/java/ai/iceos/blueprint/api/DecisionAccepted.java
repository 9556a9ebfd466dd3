package ai.iceos.blueprint.api;

/** The answer to a human decision: it was sent to the scheduler for this waiting node. */
public record DecisionAccepted(String executionId, String nodeId, boolean approved) {}
