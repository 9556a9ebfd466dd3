package ai.iceos.scheduler.messaging;

import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.ResumeRun;
import ai.iceos.contracts.messaging.RetryRun;
import ai.iceos.contracts.messaging.RunCommand;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.messaging.SubmitDecision;
import ai.iceos.scheduler.store.RunStore;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Starts and cancels executions and applies human decisions ({@code iceos.run-commands.v1}, keyed
 * by execution id).
 */
@ApplicationScoped
class RunCommandHandler {
  private final RunStore runs;
  private final OutboxRelay relay;

  RunCommandHandler(RunStore runs, OutboxRelay relay) {
    this.runs = runs;
    this.relay = relay;
  }

  /**
   * Completes (and lets the offset be committed) once the effect is stored and what it sends has
   * been handed to Kafka; a failure of the store nacks the record to the dead-letter topic.
   */
  @Incoming(Channels.RUN_COMMANDS)
  Uni<Void> on(RunCommand command) {
    Uni<Boolean> stored =
        switch (command) {
          case StartRun start -> runs.start(start);
          case CancelRun cancel -> runs.cancel(cancel);
          case ResumeRun resume -> notHandledYet(resume);
          case RetryRun retry -> notHandledYet(retry);
          case SubmitDecision decision -> runs.decide(decision);
        };
    return stored.chain(this::publishIfWritten);
  }

  /**
   * Commands of a newer blueprint-service that this scheduler version cannot apply: acknowledged
   * and logged, so they do not block the partition (the API answers them only for executions that
   * can take them).
   */
  private static Uni<Boolean> notHandledYet(RunCommand command) {
    Log.warnf(
        "Execution %s: %s is not supported by this scheduler version",
        command.executionId(), command.getClass().getSimpleName());
    return Uni.createFrom().item(false);
  }

  private Uni<Void> publishIfWritten(boolean written) {
    return written ? relay.publishPending() : Uni.createFrom().voidItem();
  }
}
