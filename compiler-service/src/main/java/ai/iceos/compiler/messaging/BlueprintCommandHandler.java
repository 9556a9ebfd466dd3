package ai.iceos.compiler.messaging;

import ai.iceos.compiler.catalog.CatalogStore;
import ai.iceos.compiler.compile.CompileResult;
import ai.iceos.compiler.compile.PlanCompiler;
import ai.iceos.compiler.validate.CompileContext;
import ai.iceos.contracts.messaging.BlueprintCommand;
import ai.iceos.contracts.messaging.BlueprintEvent;
import ai.iceos.contracts.messaging.CompileBlueprint;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Answers every blueprint command with exactly one {@link BlueprintEvent}. Compiling is CPU work,
 * so it runs on a worker thread, never on the event loop. A compiler failure still gets an answer
 * (a rejection coded {@code internal-error}) instead of blocking the partition.
 */
@ApplicationScoped
class BlueprintCommandHandler {
  private final PlanCompiler compiler;
  private final CatalogStore catalogs;
  private final BlueprintEventPublisher events;
  private final InstantSource clock;

  BlueprintCommandHandler(
      PlanCompiler compiler,
      CatalogStore catalogs,
      BlueprintEventPublisher events,
      InstantSource clock) {
    this.compiler = compiler;
    this.catalogs = catalogs;
    this.events = events;
    this.clock = clock;
  }

  /** Acked (and its offset committed) only after the verdict is acknowledged by the broker. */
  @Incoming(Channels.BLUEPRINT_COMMANDS)
  Uni<Void> on(BlueprintCommand command) {
    return switch (command) {
      case CompileBlueprint compile -> verdict(compile).chain(events::publish);
    };
  }

  private Uni<BlueprintEvent> verdict(CompileBlueprint command) {
    return Uni.createFrom()
        .item(() -> compiler.compile(command.document(), context(command)))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .map(result -> answer(command, result))
        .onFailure()
        .recoverWithItem(failure -> internalError(command, failure));
  }

  /** The org's policy, the refs blueprint-service resolved, and the catalogs as they are now. */
  private CompileContext context(CompileBlueprint command) {
    return new CompileContext(
        command.effectivePolicy(), command.knownWorkflowRefs(), catalogs.snapshot());
  }

  private BlueprintEvent answer(CompileBlueprint command, CompileResult result) {
    switch (result) {
      case CompileResult.Compiled compiled ->
          Log.infof(
              "Blueprint %s revision %d compiled: %d nodes in %d levels",
              command.blueprintId(),
              command.revision(),
              compiled.plan().nodes().size(),
              compiled.plan().levels().size());
      case CompileResult.Rejected rejected ->
          Log.infof(
              "Blueprint %s revision %d rejected with %d problems",
              command.blueprintId(), command.revision(), rejected.violations().size());
    }
    return Verdicts.of(command, result, clock.instant());
  }

  private BlueprintEvent internalError(CompileBlueprint command, Throwable failure) {
    Log.errorf(
        failure,
        "Compiling blueprint %s revision %d (message %s) failed",
        command.blueprintId(),
        command.revision(),
        command.messageId());
    return Verdicts.internalError(command, clock.instant());
  }
}
