package ai.iceos.blueprint.messaging;

import ai.iceos.blueprint.store.StoredExecution;
import ai.iceos.contracts.messaging.RunCommand;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.plan.ExecutionPlan;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Starts executions on scheduler-service; keyed by execution id. */
@ApplicationScoped
public class RunCommandPublisher {
  private final MutinyEmitter<Record<String, RunCommand>> emitter;
  private final InstantSource clock;

  RunCommandPublisher(
      @Channel(Channels.RUN_COMMANDS) MutinyEmitter<Record<String, RunCommand>> emitter,
      InstantSource clock) {
    this.emitter = emitter;
    this.clock = clock;
  }

  /** Completes when the broker has acknowledged; a repeated StartRun is a no-op downstream. */
  public Uni<Void> start(StoredExecution execution, ExecutionPlan plan) {
    String key = execution.id().toString();
    StartRun command =
        new StartRun(
            UUID.randomUUID(),
            key,
            execution.orgId(),
            execution.blueprintId().toString(),
            execution.versionLock(),
            plan,
            execution.inputs(),
            execution.options(),
            clock.instant());
    return send(command);
  }

  /** Sends any run command, keyed by its execution id; completes when the broker acknowledged. */
  public Uni<Void> send(RunCommand command) {
    return emitter.send(Record.of(command.executionId(), command));
  }
}
