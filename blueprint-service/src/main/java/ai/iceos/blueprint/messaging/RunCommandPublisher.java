package ai.iceos.blueprint.messaging;

import ai.iceos.blueprint.store.StoredExecution;
import ai.iceos.blueprint.store.WorkflowPlans;
import ai.iceos.contracts.messaging.RunCommand;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PinnedPlan;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Starts executions on scheduler-service; keyed by execution id. */
@ApplicationScoped
public class RunCommandPublisher {
  private final MutinyEmitter<Record<String, RunCommand>> emitter;
  private final InstantSource clock;
  private final WorkflowPlans workflows;

  RunCommandPublisher(
      @Channel(Channels.RUN_COMMANDS) MutinyEmitter<Record<String, RunCommand>> emitter,
      InstantSource clock,
      WorkflowPlans workflows) {
    this.emitter = emitter;
    this.clock = clock;
    this.workflows = workflows;
  }

  /**
   * Re-sends a start: the plan's workflow refs are resolved again (what does not resolve any more
   * fails the workflow node in the scheduler). Completes when the broker has acknowledged; a
   * repeated StartRun is a no-op downstream.
   */
  public Uni<Void> start(StoredExecution execution, ExecutionPlan plan) {
    return workflows
        .resolve(execution.orgId(), plan)
        .chain(resolution -> start(execution, plan, resolution.plans()));
  }

  /** Starts a top-level execution with the workflows its plan references, already resolved. */
  public Uni<Void> start(
      StoredExecution execution, ExecutionPlan plan, Map<String, PinnedPlan> resolved) {
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
            null,
            null,
            0,
            resolved,
            clock.instant());
    return send(command);
  }

  /** Sends any run command, keyed by its execution id; completes when the broker acknowledged. */
  public Uni<Void> send(RunCommand command) {
    return emitter.send(Record.of(command.executionId(), command));
  }
}
