package ai.iceos.blueprint.api;

/** The answer to a patch: the new lock and how many top-level nodes the blueprint has now. */
public record BlueprintPatched(String id, String versionLock, int nodeCount) {}
