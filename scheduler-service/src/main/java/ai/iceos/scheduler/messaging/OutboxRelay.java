package ai.iceos.scheduler.messaging;

import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.scheduler.SchedulerConfig;
import ai.iceos.scheduler.store.CommittedOutbox;
import ai.iceos.scheduler.store.OutboxRow;
import ai.iceos.scheduler.store.OutboxStore;
import ai.iceos.scheduler.store.TraceParent;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends outbox rows to Kafka and deletes them once acknowledged. Rows an instance commits are sent
 * from memory right after their commit ({@link #publishPending}), in commit order, and deleted in
 * batches a moment later; the handler that committed them does not wait for Kafka (the committed
 * outbox row is the durable effect). Whatever a crash, a failed send or a broker outage left in the
 * table is picked up by the periodic relay, so nothing committed is lost (a row may be sent twice;
 * consumers are idempotent). One lock hands rows to the producer, so one execution's events reach
 * the topic in sequence order.
 */
@ApplicationScoped
public class OutboxRelay {
  /**
   * How often acknowledged rows are deleted, in one statement per batch (and committed rows that no
   * caller handed over yet are sent).
   */
  private static final long DELETE_INTERVAL_MS = 200;

  private final OutboxStore outbox;
  private final CommittedOutbox committed;
  private final MutinyEmitter<NodeTask> tasks;
  private final MutinyEmitter<RunEvent> events;
  private final MutinyEmitter<CancelTasks> cancellations;
  private final ChildEmitters children;
  private final SchedulerConfig config;
  private final Vertx vertx;
  private final ReentrantLock handOver = new ReentrantLock();
  private final AtomicBoolean deleting = new AtomicBoolean();
  private volatile long timerId = -1;

  OutboxRelay(
      OutboxStore outbox,
      CommittedOutbox committed,
      @Channel(Channels.NODE_TASKS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
          MutinyEmitter<NodeTask> tasks,
      @Channel(Channels.RUN_EVENTS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
          MutinyEmitter<RunEvent> events,
      @Channel(Channels.TASK_CANCELLATIONS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          MutinyEmitter<CancelTasks> cancellations,
      ChildEmitters children,
      SchedulerConfig config,
      Vertx vertx) {
    this.outbox = outbox;
    this.committed = committed;
    this.tasks = tasks;
    this.events = events;
    this.cancellations = cancellations;
    this.children = children;
    this.config = config;
    this.vertx = vertx;
  }

  void start(@Observes StartupEvent event) {
    timerId =
        vertx.setPeriodic(
            DELETE_INTERVAL_MS,
            ignored -> {
              publishPending();
              deleteSent();
            });
  }

  void stop(@Observes ShutdownEvent event) {
    vertx.cancelTimer(timerId);
  }

  /**
   * Hands every row committed by this instance and not yet sent to the producer, in commit order,
   * and returns without waiting for Kafka's acknowledgement. Never fails: a row whose send fails
   * stays in the table for the periodic relay.
   */
  public Uni<Void> publishPending() {
    handOver.lock();
    try {
      for (OutboxRow row = committed.next(); row != null; row = committed.next()) {
        dispatch(row);
      }
    } finally {
      handOver.unlock();
    }
    return Uni.createFrom().voidItem();
  }

  /** Starts after a delay so that the outgoing channels are wired when it first runs. */
  @Scheduled(
      every = "${iceos.scheduler.outbox.relay-interval}",
      delayed = "3s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> relayLeftovers() {
    return outbox
        .pending(config.outbox().relayMinAge(), config.outbox().batchSize())
        .invoke(this::sendLeftovers)
        .replaceWithVoid()
        .onFailure()
        .invoke(failure -> Log.warnf("Outbox relay round failed: %s", failure.getMessage()))
        .onFailure()
        .recoverWithNull();
  }

  /** Rows in the table that no send of this instance is handling: a crash's or a failure's. */
  private void sendLeftovers(List<OutboxRow> rows) {
    List<OutboxRow> leftovers = committed.claim(rows);
    if (leftovers.isEmpty()) {
      return;
    }
    handOver.lock();
    try {
      leftovers.forEach(this::dispatch);
    } finally {
      handOver.unlock();
    }
  }

  private void dispatch(OutboxRow row) {
    send(row)
        .subscribe()
        .with(
            ignored -> committed.sent(row.id()),
            failure -> {
              committed.unsent(row.id());
              Log.warnf("Outbox row %d left for the relay: %s", row.id(), failure.getMessage());
            });
  }

  /** One delete at a time; a failed one is tried again with the next batch. */
  private void deleteSent() {
    if (!deleting.compareAndSet(false, true)) {
      return;
    }
    List<Long> ids = committed.deletable(config.outbox().batchSize());
    if (ids.isEmpty()) {
      deleting.set(false);
      return;
    }
    outbox
        .delete(ids)
        .subscribe()
        .with(
            ignored -> {
              committed.deleted(ids);
              deleting.set(false);
            },
            failure -> {
              committed.notDeleted(ids);
              deleting.set(false);
              Log.warnf("Deleting sent outbox rows failed: %s", failure.getMessage());
            });
  }

  /** Each record carries the trace context of the change that wrote it, when there was one. */
  private Uni<Void> send(OutboxRow row) {
    var key = OutgoingKafkaRecordMetadata.<String>builder().withKey(row.key()).build();
    Metadata metadata = Metadata.of(key);
    if (row.traceparent() != null) {
      var context = TraceParent.context(row.traceparent());
      metadata = metadata.with(TracingMetadata.with(context, context));
    }
    return switch (row.topic()) {
      case Topics.NODE_TASKS -> tasks.sendMessage(Message.of(row.task(), metadata));
      case Topics.RUN_EVENTS -> events.sendMessage(Message.of(row.event(), metadata));
      case Topics.TASK_CANCELLATIONS ->
          cancellations.sendMessage(Message.of(row.cancellation(), metadata));
      case Topics.RUN_COMMANDS ->
          children.commands().sendMessage(Message.of(row.command(), metadata));
      case Topics.NODE_OUTCOMES ->
          children.outcomes().sendMessage(Message.of(row.outcome(), metadata));
      default ->
          Uni.createFrom()
              .failure(new IllegalStateException("outbox row for unknown topic " + row.topic()));
    };
  }
}
