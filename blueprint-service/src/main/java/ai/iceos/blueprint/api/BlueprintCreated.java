package ai.iceos.blueprint.api;

import ai.iceos.blueprint.store.BlueprintStatus;

/**
 * The answer to a create: 201 with the plan once compiled, 202 without it while pending.
 *
 * @param plan null (absent) while pending
 */
public record BlueprintCreated(
    String id, String versionLock, BlueprintStatus status, PlanSummary plan) {}
