package ai.iceos.scheduler.messaging;

import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.ResumeRun;
import ai.iceos.contracts.messaging.RetryRun;
import ai.iceos.contracts.messaging.RunCommand;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.messaging.SubmitDecision;
import ai.iceos.scheduler.store.RunStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Starts, cancels, resumes and retries executions and applies human decisions ({@code
 * iceos.run-commands.v1}, keyed by execution id). A command that does not apply to the execution's
 * state (resuming one that is not paused, retrying one that has not failed) changes nothing.
 *
 * <p>A poll's commands are split by execution ({@link ExecutionBatches}): one execution's commands
 * are applied one after the other in offset order, each in its own transaction, and different
 * executions' side by side. The batch is acknowledged (its offsets may be committed) once every
 * command is stored; the store hands what they wrote to the relay. A command that cannot be applied
 * goes to the dead-letter topic, and the others are applied.
 */
@ApplicationScoped
class RunCommandHandler {
  private final RunStore runs;

  RunCommandHandler(RunStore runs) {
    this.runs = runs;
  }

  @Incoming(Channels.RUN_COMMANDS)
  Uni<Void> on(KafkaRecordBatch<String, RunCommand> batch) {
    return ExecutionBatches.apply(
            batch,
            RunCommand::executionId,
            (executionId, records) -> ExecutionBatches.oneByOne(records, this::store))
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  private Uni<Boolean> store(RunCommand command) {
    return switch (command) {
      case StartRun start -> runs.start(start);
      case CancelRun cancel -> runs.cancel(cancel);
      case ResumeRun resume -> runs.resume(resume);
      case RetryRun retry -> runs.retry(retry);
      case SubmitDecision decision -> runs.decide(decision);
    };
  }
}
