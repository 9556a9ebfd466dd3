package ai.iceos.scheduler.messaging;

import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.ResumeRun;
import ai.iceos.contracts.messaging.RetryRun;
import ai.iceos.contracts.messaging.RunCommand;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.messaging.SubmitDecision;
import ai.iceos.scheduler.store.RunStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Starts, cancels, resumes and retries executions and applies human decisions ({@code
 * iceos.run-commands.v1}, keyed by execution id). A command that does not apply to the execution's
 * state (resuming one that is not paused, retrying one that has not failed) changes nothing.
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
          case ResumeRun resume -> runs.resume(resume);
          case RetryRun retry -> runs.retry(retry);
          case SubmitDecision decision -> runs.decide(decision);
        };
    return stored.chain(this::publishIfWritten);
  }

  private Uni<Void> publishIfWritten(boolean written) {
    return written ? relay.publishPending() : Uni.createFrom().voidItem();
  }
}
