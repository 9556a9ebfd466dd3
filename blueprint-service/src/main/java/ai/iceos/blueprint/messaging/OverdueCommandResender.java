package ai.iceos.blueprint.messaging;

import ai.iceos.blueprint.BlueprintServiceConfig;
import ai.iceos.blueprint.store.BlueprintStore;
import ai.iceos.blueprint.store.ExecutionStore;
import ai.iceos.blueprint.store.StoredBlueprint;
import ai.iceos.blueprint.store.StoredExecution;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Re-sends commands whose answer is overdue, so that a blueprint submitted while the compiler was
 * down is compiled once it is back, and an execution whose StartRun was lost still starts. Both
 * consumers treat a repeated command as a no-op.
 */
@ApplicationScoped
class OverdueCommandResender {
  private static final int BATCH = 100;

  private final BlueprintServiceConfig config;
  private final BlueprintStore blueprints;
  private final ExecutionStore executions;
  private final BlueprintCommandPublisher compileCommands;
  private final RunCommandPublisher runCommands;

  OverdueCommandResender(
      BlueprintServiceConfig config,
      BlueprintStore blueprints,
      ExecutionStore executions,
      BlueprintCommandPublisher compileCommands,
      RunCommandPublisher runCommands) {
    this.config = config;
    this.blueprints = blueprints;
    this.executions = executions;
    this.compileCommands = compileCommands;
    this.runCommands = runCommands;
  }

  @Scheduled(
      every = "${iceos.blueprint.resend-every}",
      delayed = "${iceos.blueprint.resend-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> resend() {
    return resendCompiles()
        .chain(this::resendStarts)
        .onFailure()
        .invoke(e -> Log.warnf("Re-sending overdue commands failed: %s", e.toString()))
        .onFailure()
        .recoverWithNull();
  }

  private Uni<Void> resendCompiles() {
    return blueprints
        .overdue(config.compileTimeout(), BATCH)
        .onItem()
        .transformToMulti(list -> Multi.createFrom().iterable(list))
        .onItem()
        .transformToUniAndConcatenate(this::recompile)
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> recompile(StoredBlueprint blueprint) {
    Log.infof(
        "Re-sending compile request of blueprint %s revision %d",
        blueprint.id(), blueprint.revision());
    return compileCommands
        .compile(blueprint)
        .chain(() -> blueprints.compileRequested(blueprint.id()));
  }

  private Uni<Void> resendStarts() {
    return executions
        .overdue(config.startResendAfter(), BATCH)
        .onItem()
        .transformToMulti(list -> Multi.createFrom().iterable(list))
        .onItem()
        .transformToUniAndConcatenate(this::restart)
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> restart(StoredExecution execution) {
    return blueprints
        .plan(execution.blueprintId(), execution.revision())
        .chain(
            plan ->
                plan.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : runCommands
                        .start(execution, plan.get())
                        .chain(() -> executions.startRequested(execution.id())));
  }
}
