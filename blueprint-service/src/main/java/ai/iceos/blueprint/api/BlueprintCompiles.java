package ai.iceos.blueprint.api;

import ai.iceos.blueprint.BlueprintServiceConfig;
import ai.iceos.blueprint.messaging.BlueprintCommandPublisher;
import ai.iceos.blueprint.store.BlueprintStatus;
import ai.iceos.blueprint.store.BlueprintStore;
import ai.iceos.blueprint.store.StoredBlueprint;
import ai.iceos.blueprint.waiting.WaitKeys;
import ai.iceos.blueprint.waiting.Wakeups;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Request–reply with compiler-service over Kafka for a stored revision: send the compile request,
 * wait (bounded) for the verdict. Without one in time the revision stays pending and the overdue
 * re-sender asks again later.
 */
@ApplicationScoped
class BlueprintCompiles {
  private final BlueprintStore blueprints;
  private final BlueprintCommandPublisher commands;
  private final Wakeups wakeups;
  private final BlueprintServiceConfig config;

  BlueprintCompiles(
      BlueprintStore blueprints,
      BlueprintCommandPublisher commands,
      Wakeups wakeups,
      BlueprintServiceConfig config) {
    this.blueprints = blueprints;
    this.commands = commands;
    this.wakeups = wakeups;
    this.config = config;
  }

  /**
   * Stores a new blueprint and compiles it; a rejected one is deleted again (nothing kept) and the
   * answer is its rejection.
   */
  Uni<StoredBlueprint> createCompiled(String org, JsonNode document) {
    return blueprints
        .create(org, document)
        .chain(this::compile)
        .chain(
            blueprint ->
                blueprint.status() != BlueprintStatus.INVALID
                    ? Uni.createFrom().item(blueprint)
                    : blueprints
                        .delete(blueprint.id())
                        .chain(() -> Uni.createFrom().failure(rejection(blueprint))));
  }

  /** The revision as decided by the compiler, or still pending after the compile timeout. */
  Uni<StoredBlueprint> compile(StoredBlueprint stored) {
    return Uni.combine()
        .all()
        .unis(requestCompile(stored), awaitVerdict(stored))
        .with((sent, verdict) -> verdict);
  }

  /** Sent after the row is committed; if it fails, the overdue re-sender tries again. */
  Uni<Void> requestCompile(StoredBlueprint stored) {
    return commands
        .compile(stored)
        .ifNoItem()
        .after(config.sendTimeout())
        .fail()
        .onFailure()
        .invoke(
            e ->
                Log.warnf(
                    "Compile request of blueprint %s not sent yet: %s", stored.id(), e.toString()))
        .onFailure()
        .recoverWithNull();
  }

  private Uni<StoredBlueprint> awaitVerdict(StoredBlueprint stored) {
    return wakeups
        .await(
            WaitKeys.blueprint(stored.id().toString()),
            () ->
                blueprints
                    .findRevision(stored.orgId(), stored.id(), stored.versionLock())
                    .map(found -> found.filter(b -> b.status() != BlueprintStatus.PENDING)),
            config.compileTimeout())
        .map(verdict -> verdict.orElse(stored));
  }

  /** The problem of a rejected revision: 403 for a policy denial, else 422 with every violation. */
  static ProblemException rejection(StoredBlueprint blueprint) {
    return ProblemException.invalid(
        blueprint.forbidden() ? ProblemType.FORBIDDEN_BLUEPRINT : ProblemType.INVALID_BLUEPRINT,
        blueprint.errors());
  }
}
