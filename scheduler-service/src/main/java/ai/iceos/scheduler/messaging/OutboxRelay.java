package ai.iceos.scheduler.messaging;

import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.scheduler.SchedulerConfig;
import ai.iceos.scheduler.store.OutboxRow;
import ai.iceos.scheduler.store.OutboxStore;
import ai.iceos.scheduler.store.TraceParent;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends outbox rows to Kafka and deletes them once acknowledged. One send round runs at a time in
 * this instance and sends rows in id order, so one execution's events reach the topic in sequence
 * order. A round only ever sends rows it read back from the table, i.e. committed ones. Rows are
 * sent right after the transaction that wrote them commits ({@link #publishSoon}, which does not
 * wait; requests made while a round waits to start share it); whatever a crash or a broker outage
 * left behind is picked up by the periodic relay, so nothing committed is lost (a row may be sent
 * twice; consumers are idempotent).
 */
@ApplicationScoped
public class OutboxRelay {
  private final OutboxStore outbox;
  private final MutinyEmitter<NodeTask> tasks;
  private final MutinyEmitter<RunEvent> events;
  private final MutinyEmitter<CancelTasks> cancellations;
  private final ChildEmitters children;
  private final SchedulerConfig config;
  private final Flow.Subscriber<Round> rounds;

  /** True while a round requested by {@link #publishSoon} is queued and has not read rows yet. */
  private final AtomicBoolean soonQueued = new AtomicBoolean();

  /** Rows sent and acknowledged whose delete has not finished; no round sends them again. */
  private final Set<Long> deleting = ConcurrentHashMap.newKeySet();

  OutboxRelay(
      OutboxStore outbox,
      @Channel(Channels.NODE_TASKS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          MutinyEmitter<NodeTask> tasks,
      @Channel(Channels.RUN_EVENTS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          MutinyEmitter<RunEvent> events,
      @Channel(Channels.TASK_CANCELLATIONS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 256)
          MutinyEmitter<CancelTasks> cancellations,
      ChildEmitters children,
      SchedulerConfig config) {
    this.outbox = outbox;
    this.tasks = tasks;
    this.events = events;
    this.cancellations = cancellations;
    this.children = children;
    this.config = config;
    UnicastProcessor<Round> queue = UnicastProcessor.create();
    queue
        .onItem()
        .transformToUniAndConcatenate(this::run)
        .subscribe()
        .with(ignored -> {}, failure -> Log.error("Outbox relay stopped", failure));
    this.rounds = queue.serialized();
  }

  /**
   * Sends every pending row, including the caller's just-committed ones, and completes when they
   * are acknowledged. Never fails: a row that could not be sent stays for the periodic relay.
   */
  public Uni<Void> publishPending() {
    return round(Duration.ZERO)
        .onFailure()
        .recoverWithItem(
            failure -> {
              Log.warnf("Outbox rows left for the relay: %s", failure.getMessage());
              return null;
            });
  }

  /**
   * Asks for a round that sends every committed row, without waiting for it: the caller's rows are
   * durable already, so its input may be acknowledged now. A request made while an earlier one's
   * round has not yet read the table is covered by that round.
   */
  public void publishSoon() {
    if (soonQueued.compareAndSet(false, true)) {
      rounds.onNext(new Round(Duration.ZERO, null));
    }
  }

  /** Starts after a delay so that the outgoing channels are wired when it first runs. */
  @Scheduled(
      every = "${iceos.scheduler.outbox.relay-interval}",
      delayed = "3s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> relayLeftovers() {
    return round(config.outbox().relayMinAge())
        .onFailure()
        .invoke(failure -> Log.warnf("Outbox relay round failed: %s", failure.getMessage()))
        .onFailure()
        .recoverWithNull();
  }

  private Uni<Void> round(Duration minAge) {
    return Uni.createFrom().emitter(done -> rounds.onNext(new Round(minAge, done)));
  }

  private Uni<Void> run(Round round) {
    long begun = System.nanoTime();
    if (round.done() == null) {
      soonQueued.set(false);
    }
    return sendAll(round.minAge())
        .invoke(() -> Log.debugf("timing relay-round %.2f ms", (System.nanoTime() - begun) / 1e6))
        .onItemOrFailure()
        .invoke(
            (ignored, failure) -> {
              if (round.done() == null) {
                if (failure != null) {
                  Log.warnf("Outbox rows left for the relay: %s", failure.getMessage());
                }
              } else if (failure == null) {
                round.done().complete(null);
              } else {
                round.done().fail(failure);
              }
            })
        .onFailure()
        .recoverWithNull();
  }

  /**
   * Sends pages of rows until one is not full. The delete of a sent page runs beside the next round
   * (its rows are skipped meanwhile), except after a full page, whose delete is awaited so the next
   * page reads past it.
   */
  private Uni<Void> sendAll(Duration minAge) {
    int batch = config.outbox().batchSize();
    return outbox
        .pending(minAge, batch)
        .chain(
            page -> {
              List<OutboxRow> rows = page.stream().filter(r -> !deleting.contains(r.id())).toList();
              if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              return send(rows)
                  .chain(
                      deleted -> {
                        if (page.size() < batch) {
                          deleted.subscribe().with(ignored -> {}, ignored -> {});
                          return Uni.createFrom().voidItem();
                        }
                        return deleted.chain(() -> sendAll(minAge));
                      });
            });
  }

  /**
   * Subscribed in list order, so records are handed to the producer in id order. Answers, once
   * every record is acknowledged, the delete of the rows (not yet subscribed); until it has run,
   * their ids are in {@link #deleting}. A failed delete leaves the rows to be sent again.
   */
  private Uni<Uni<Void>> send(List<OutboxRow> rows) {
    long t0 = System.nanoTime();
    List<Uni<Void>> sends = rows.stream().map(this::send).toList();
    return Uni.join()
        .all(sends)
        .andFailFast()
        .map(
            ignored -> {
              Log.debugf(
                  "timing relay-send %s rows %.2f ms",
                  (Object) rows.size(), (System.nanoTime() - t0) / 1e6);
              List<Long> ids = rows.stream().map(OutboxRow::id).toList();
              deleting.addAll(ids);
              return outbox
                  .delete(ids)
                  .onFailure()
                  .invoke(
                      failure ->
                          Log.warnf(
                              "Sent outbox rows not deleted, they will be sent again: %s",
                              failure.getMessage()))
                  .onTermination()
                  .invoke(() -> ids.forEach(deleting::remove));
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

  /**
   * A request for one send round; {@code done} completes when the round has finished, or is null
   * when nobody waits for it.
   */
  private record Round(Duration minAge, UniEmitter<? super Void> done) {}
}
