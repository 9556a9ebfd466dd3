package ai.iceos.gateway.messaging;

import ai.iceos.contracts.messaging.Topics;
import ai.iceos.contracts.messaging.UsageRecorded;
import ai.iceos.gateway.store.UsageEntry;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands usage events to the Kafka producer of the {@code usage-events} channel in bursts (decision
 * 0146): a settled call only queues its event; a timer armed by the first event of a burst passes
 * everything queued {@value #BURST_MS} ms later to the producer's sending thread in one task, where
 * each record is sent with a callback that reports the broker's acknowledgement. Sent one by one
 * through the channel's emitter, every event cost a stream of Mutiny operators with context
 * propagation, a tracing span, a task on the sending thread and one back on the caller's event
 * loop. The events linger in the producer anyway ({@code linger.ms}), and what is not acknowledged
 * is resent by the relay; at most {@value #MAX_QUEUED} wait here, more are left to the relay.
 */
@ApplicationScoped
class UsageEventBursts {
  static final long BURST_MS = 5;
  static final int MAX_QUEUED = 4096;

  private final KafkaClientService kafka;
  private final Vertx vertx;
  private final String topic;
  private final Queue<Pending> queued = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicBoolean armed = new AtomicBoolean();

  UsageEventBursts(
      KafkaClientService kafka,
      Vertx vertx,
      @ConfigProperty(
              name = "mp.messaging.outgoing." + Channels.USAGE_EVENTS + ".topic",
              defaultValue = Topics.USAGE_EVENTS)
          String topic) {
    this.kafka = kafka;
    this.vertx = vertx;
    this.topic = topic;
  }

  /**
   * Queues {@code entry}'s event; {@code acknowledged} gets its id once the broker has it. Returns
   * false when the event was not queued (too many wait, or no producer): the relay will send it.
   */
  boolean send(UsageEntry entry, Consumer<UUID> acknowledged) {
    if (size.incrementAndGet() > MAX_QUEUED) {
      size.decrementAndGet();
      return false;
    }
    queued.add(new Pending(entry, acknowledged));
    if (armed.compareAndSet(false, true)) {
      vertx.setTimer(BURST_MS, ignored -> drain());
    }
    return true;
  }

  private void drain() {
    armed.set(false);
    List<Pending> burst = new ArrayList<>();
    for (Pending next = queued.poll(); next != null; next = queued.poll()) {
      burst.add(next);
    }
    size.addAndGet(-burst.size());
    if (burst.isEmpty()) {
      return;
    }
    KafkaProducer<String, UsageRecorded> producer = kafka.getProducer(Channels.USAGE_EVENTS);
    if (producer == null) {
      Log.debugf("No producer for %s yet: %d usage events left for the relay", topic, burst.size());
      return;
    }
    producer
        .runOnSendingThread(
            (org.apache.kafka.clients.producer.Producer<String, UsageRecorded> raw) -> {
              for (Pending pending : burst) {
                send(raw, pending);
              }
            })
        .subscribe()
        .with(
            ignored -> {},
            failure ->
                Log.debugf("Usage events left for the relay (%d): %s", burst.size(), failure));
  }

  private void send(
      org.apache.kafka.clients.producer.Producer<String, UsageRecorded> raw, Pending pending) {
    UsageEntry entry = pending.entry();
    UUID id = entry.id();
    var record =
        new ProducerRecord<>(topic, UsageEventPublisher.keyOf(entry), UsageEvents.recorded(entry));
    raw.send(
        record,
        (metadata, failure) -> {
          if (failure == null) {
            pending.acknowledged().accept(id);
          } else {
            Log.debugf("Usage event %s left for the relay: %s", id, failure);
          }
        });
  }

  private record Pending(UsageEntry entry, Consumer<UUID> acknowledged) {}
}
