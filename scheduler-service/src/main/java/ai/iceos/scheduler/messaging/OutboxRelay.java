package ai.iceos.scheduler.messaging;

import ai.iceos.contracts.messaging.Topics;
import ai.iceos.scheduler.SchedulerConfig;
import ai.iceos.scheduler.store.CommittedRows;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends outbox rows to Kafka and deletes them once acknowledged (decision 0119). A transaction's
 * rows are handed over right after its commit ({@link #committed}), with the ids the insert drew,
 * and sent at once without reading them back: they are committed rows, never rows of a rolled-back
 * or retried attempt, and the store hands one execution's transactions over in commit order, so its
 * events reach the topic in sequence order. Acknowledged rows are deleted in batches, one delete at
 * a time. Whatever a crash, a failed send or a failed delete left behind is sent by the periodic
 * sweep (rows older than {@code relay-min-age}, in id order), so nothing committed is lost (a row
 * may be sent twice; consumers are idempotent).
 */
@ApplicationScoped
public class OutboxRelay implements CommittedRows {
  private final OutboxStore outbox;
  private final MutinyEmitter<String> tasks;
  private final MutinyEmitter<String> events;
  private final MutinyEmitter<String> cancellations;
  private final ChildEmitters children;
  private final SchedulerConfig config;
  private final Flow.Subscriber<Round> rounds;

  /** Rows handed to the producer whose delete has not finished; no sweep sends them again. */
  private final Set<Long> handedOver = ConcurrentHashMap.newKeySet();

  /** Acknowledged rows waiting for the next delete. */
  private final Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();

  /** True while a delete of acknowledged rows runs. */
  private final AtomicBoolean deleting = new AtomicBoolean();

  OutboxRelay(
      OutboxStore outbox,
      @Channel(Channels.NODE_TASKS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          MutinyEmitter<String> tasks,
      @Channel(Channels.RUN_EVENTS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
          MutinyEmitter<String> events,
      @Channel(Channels.TASK_CANCELLATIONS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 256)
          MutinyEmitter<String> cancellations,
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
   * Sends the rows of a transaction that just committed, in id order, without waiting for Kafka.
   * Must only be called after the commit succeeded.
   */
  @Override
  public void committed(List<OutboxRow> rows) {
    rows.forEach(row -> handedOver.add(row.id()));
    sendInOrder(rows).subscribe().with(ignored -> {}, ignored -> {});
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
    return sendAll(round.minAge(), 0)
        .invoke(() -> Log.debugf("timing relay-round %.2f ms", (System.nanoTime() - begun) / 1e6))
        .onItemOrFailure()
        .invoke(
            (ignored, failure) -> {
              if (failure == null) {
                round.done().complete(null);
              } else {
                round.done().fail(failure);
              }
            })
        .onFailure()
        .recoverWithNull();
  }

  /** Sends pages of rows not handed over already, until one is not full. */
  private Uni<Void> sendAll(Duration minAge, long afterId) {
    int batch = config.outbox().batchSize();
    return outbox
        .pending(minAge, afterId, batch)
        .chain(
            page -> {
              List<OutboxRow> rows = page.stream().filter(row -> handedOver.add(row.id())).toList();
              Uni<Void> sent = sendInOrder(rows);
              return page.size() < batch
                  ? sent
                  : sent.chain(() -> sendAll(minAge, page.getLast().id()));
            });
  }

  /**
   * Hands the rows to the producers contiguously, each topic's rows in list order (so one
   * execution's rows of a topic keep their order), node tasks first ({@link #tasksFirst}), and
   * completes when every one is acknowledged or failed: an acknowledged row is queued for deletion,
   * a failed one is left in the table for the sweep.
   */
  private Uni<Void> sendInOrder(List<OutboxRow> rows) {
    if (rows.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    long t0 = System.nanoTime();
    List<Uni<Void>> sends = new ArrayList<>(rows.size());
    synchronized (this) {
      for (OutboxRow row : tasksFirst(rows)) {
        sends.add(
            send(row)
                .onItem()
                .invoke(() -> acknowledged(row.id()))
                .onFailure()
                .invoke(failure -> unsent(row.id(), failure))
                .onFailure()
                .recoverWithNull()
                .memoize()
                .indefinitely());
      }
      sends.forEach(sent -> sent.subscribe().with(ignored -> {}));
    }
    return Uni.join()
        .all(sends)
        .andFailFast()
        .invoke(
            () ->
                Log.debugf(
                    "timing relay-send %s rows %.2f ms",
                    (Object) rows.size(), (System.nanoTime() - t0) / 1e6))
        .replaceWithVoid();
  }

  /**
   * The rows with node tasks moved ahead of the others, each topic's rows keeping their order: a
   * worker is waiting for the task of a step, nobody is waiting for its events, and the topics go
   * through producers of their own, so only the order within a topic is kept anyway.
   */
  static List<OutboxRow> tasksFirst(List<OutboxRow> rows) {
    List<OutboxRow> ordered = new ArrayList<>(rows.size());
    rows.stream().filter(row -> Topics.NODE_TASKS.equals(row.topic())).forEach(ordered::add);
    rows.stream().filter(row -> !Topics.NODE_TASKS.equals(row.topic())).forEach(ordered::add);
    return ordered;
  }

  private void acknowledged(long id) {
    acknowledged.add(id);
    deleteAcknowledged();
  }

  private void unsent(long id, Throwable failure) {
    Log.warnf("Outbox row %d not sent, left for the relay: %s", id, failure.getMessage());
    handedOver.remove(id);
  }

  /** One delete at a time, of every row acknowledged meanwhile. */
  private void deleteAcknowledged() {
    if (acknowledged.isEmpty() || !deleting.compareAndSet(false, true)) {
      return;
    }
    List<Long> ids = new ArrayList<>();
    for (Long id = acknowledged.poll(); id != null; id = acknowledged.poll()) {
      ids.add(id);
    }
    if (ids.isEmpty()) {
      deleting.set(false);
      deleteAcknowledged();
      return;
    }
    outbox
        .delete(ids)
        .subscribe()
        .with(
            ignored -> deleted(ids),
            failure -> {
              Log.warnf(
                  "Sent outbox rows not deleted, they will be sent again: %s",
                  failure.getMessage());
              deleted(ids);
            });
  }

  private void deleted(List<Long> ids) {
    ids.forEach(handedOver::remove);
    deleting.set(false);
    deleteAcknowledged();
  }

  /**
   * The row's payload goes out as the JSON text it was stored as (the channels' serializer writes
   * it as UTF-8), not parsed and written again. Each record carries the trace context of the change
   * that wrote it, when there was one.
   */
  private Uni<Void> send(OutboxRow row) {
    var key = OutgoingKafkaRecordMetadata.<String>builder().withKey(row.key()).build();
    Metadata metadata = Metadata.of(key);
    if (row.traceparent() != null) {
      var context = TraceParent.context(row.traceparent());
      metadata = metadata.with(TracingMetadata.with(context, context));
    }
    return switch (row.topic()) {
      case Topics.NODE_TASKS -> tasks.sendMessage(Message.of(row.payload(), metadata));
      case Topics.RUN_EVENTS -> events.sendMessage(Message.of(row.payload(), metadata));
      case Topics.TASK_CANCELLATIONS ->
          cancellations.sendMessage(Message.of(row.payload(), metadata));
      case Topics.RUN_COMMANDS ->
          children.commands().sendMessage(Message.of(row.payload(), metadata));
      case Topics.NODE_OUTCOMES ->
          children.outcomes().sendMessage(Message.of(row.payload(), metadata));
      default ->
          Uni.createFrom()
              .failure(new IllegalStateException("outbox row for unknown topic " + row.topic()));
    };
  }

  /** A request for one sweep round; {@code done} completes when the round has finished. */
  private record Round(Duration minAge, UniEmitter<? super Void> done) {}
}
