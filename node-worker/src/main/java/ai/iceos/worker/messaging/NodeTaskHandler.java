package ai.iceos.worker.messaging;

import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.worker.WorkerConfig;
import ai.iceos.worker.WorkerIdentity;
import ai.iceos.worker.node.AttemptResult;
import ai.iceos.worker.node.NodeRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * Runs node tasks and reports their outcomes, up to {@code iceos.worker.max-concurrent-tasks} at
 * once. Up to {@code iceos.worker.max-waiting-tasks} more are received and wait for a slot in
 * {@link TaskSlots}, which starts the task of the earliest-started execution first. Each task
 * yields exactly one {@code NodeCompleted} or {@code NodeFailed}, keyed by execution id, which
 * reports the attempt's start too; {@code NodeStarted} comes before it only when the attempt runs
 * longer than {@code iceos.worker.started-report-delay} ({@link HeldStart}). A task is acknowledged
 * (and its offset may be committed by the throttled strategy, which tolerates out-of-order acks)
 * only once the broker has acknowledged its final outcome, so a worker that dies mid-task leaves
 * the task to be redelivered.
 */
@ApplicationScoped
class NodeTaskHandler {
  static final String WAITING_METRIC = "iceos.worker.tasks.waiting";

  private final NodeRunner runner;
  private final WorkerConfig config;
  private final WorkerIdentity identity;
  private final InstantSource clock;
  private final TaskSlots slots;

  NodeTaskHandler(
      NodeRunner runner,
      WorkerConfig config,
      WorkerIdentity identity,
      InstantSource clock,
      MeterRegistry meters) {
    this.runner = runner;
    this.config = config;
    this.identity = identity;
    this.clock = clock;
    this.slots = new TaskSlots(config.maxConcurrentTasks());
    Gauge.builder(WAITING_METRIC, slots, TaskSlots::waiting)
        .description("Tasks received and waiting for a free slot")
        .register(meters);
  }

  @Incoming(Channels.NODE_TASKS)
  @Outgoing(Channels.NODE_OUTCOMES)
  @Acknowledgment(Acknowledgment.Strategy.MANUAL)
  Multi<Message<NodeOutcome>> run(Multi<Message<NodeTask>> tasks) {
    return tasks
        .onItem()
        .transformToMulti(this::whenStarted)
        .merge(config.maxConcurrentTasks() + config.maxWaitingTasks());
  }

  /**
   * Runs the task once {@link TaskSlots} gives it a slot; the slot (or its place in the queue) is
   * released when the task's outcomes are out, or when the stream is cancelled. An unreadable
   * record needs no slot: it only goes to the dead-letter topic. Never fails: a bug while running a
   * readable task reports a retryable {@code internal} failure for it (the scheduler's retry policy
   * decides), so no task is lost or dead-lettered for a bug.
   */
  private Multi<Message<NodeOutcome>> whenStarted(Message<NodeTask> incoming) {
    NodeTask task = incoming.getPayload();
    if (task == null) {
      Log.warn("Unreadable node task; sending it to the dead-letter topic");
      return nackOnly(incoming, new IllegalArgumentException("unreadable node task"));
    }
    return HeldStart.reports(
            () -> slots.enter(task.executionStartedAt()),
            () -> attempt(incoming, task),
            config.startedReportDelay(),
            Infrastructure.getDefaultWorkerPool())
        .onFailure()
        .recoverWithMulti(error -> reportInternal(incoming, task, error));
  }

  private Multi<Message<NodeOutcome>> reportInternal(
      Message<NodeTask> incoming, NodeTask task, Throwable error) {
    try {
      Log.errorf(
          error, "Running task %s failed unexpectedly; reporting it as internal", task.taskId());
      NodeOutcome failed = Outcomes.internal(task, error, identity.id(), clock.instant());
      return Multi.createFrom().item(outgoing(incoming, failed, true));
    } catch (RuntimeException e) {
      e.addSuppressed(error);
      return abandon(incoming, e);
    }
  }

  /** The attempt, begun now: its start time is when the task got its slot. */
  private HeldStart.Attempt<Message<NodeOutcome>> attempt(
      Message<NodeTask> incoming, NodeTask task) {
    Instant startedAt = clock.instant();
    Uni<Message<NodeOutcome>> end =
        runner.run(task).map(result -> outgoing(incoming, finish(task, result, startedAt), true));
    return new HeldStart.Attempt<>() {
      @Override
      public Message<NodeOutcome> startReport() {
        return outgoing(incoming, Outcomes.started(task, identity.id(), startedAt), false);
      }

      @Override
      public Uni<Message<NodeOutcome>> end() {
        return end;
      }
    };
  }

  private NodeOutcome finish(NodeTask task, AttemptResult result, Instant startedAt) {
    Log.debugf("Task %s finished as %s", task.taskId(), result.getClass().getSimpleName());
    return Outcomes.finished(task, result, identity.id(), startedAt, clock.instant());
  }

  /**
   * An outcome keyed by execution id, carrying the task's trace context. Only the final outcome
   * settles the task: its broker ack acks the task, its failure nacks it.
   */
  private static Message<NodeOutcome> outgoing(
      Message<NodeTask> incoming, NodeOutcome outcome, boolean settlesTask) {
    var tracing = incoming.getMetadata(TracingMetadata.class);
    var record = OutgoingKafkaRecordMetadata.<String>builder().withKey(outcome.executionId());
    if (tracing.isEmpty()) {
      TraceHeaders.of(incoming).ifPresent(record::withHeaders);
    }
    Metadata metadata = Metadata.of(record.build());
    if (tracing.isPresent()) {
      metadata = metadata.with(tracing.get());
    }
    if (settlesTask) {
      return Message.of(outcome, metadata, () -> incoming.ack(), (Throwable e) -> incoming.nack(e));
    }
    return Message.of(outcome, metadata, () -> done(), (Throwable e) -> notSent(outcome, e));
  }

  private static Multi<Message<NodeOutcome>> abandon(Message<NodeTask> incoming, Throwable error) {
    Log.errorf(error, "Could not run a node task; sending it to the dead-letter topic");
    return nackOnly(incoming, error);
  }

  private static Multi<Message<NodeOutcome>> nackOnly(Message<NodeTask> incoming, Throwable error) {
    return Uni.createFrom()
        .completionStage(() -> incoming.nack(error))
        .onFailure()
        .recoverWithNull()
        .onItem()
        .transformToMulti(ignored -> Multi.createFrom().<Message<NodeOutcome>>empty());
  }

  private static CompletionStage<Void> done() {
    return CompletableFuture.completedFuture(null);
  }

  private static CompletionStage<Void> notSent(NodeOutcome outcome, Throwable error) {
    Log.warnf("Could not publish NodeStarted of task %s: %s", outcome.taskId(), error);
    return CompletableFuture.completedFuture(null);
  }
}
