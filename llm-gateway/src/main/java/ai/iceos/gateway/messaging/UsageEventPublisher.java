package ai.iceos.gateway.messaging;

import ai.iceos.contracts.messaging.UsageRecorded;
import ai.iceos.gateway.store.UsageEntry;
import ai.iceos.gateway.store.UsageStore;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes a {@link UsageRecorded} per settled call on {@code iceos.usage-events.v1}, keyed by
 * execution id (org id outside an execution, {@code -} when neither is known). The usage row is the
 * outbox: it is sent right after its transaction commits, marked published (in batches, each
 * second) once the broker acknowledges, and a periodic relay sends rows a crash or a broker outage
 * left unpublished. The message id is the row id, so a resent event is recognisable as a duplicate.
 */
@ApplicationScoped
public class UsageEventPublisher {
  private static final int BATCH = 200;
  private static final Duration RELAY_MIN_AGE = Duration.ofSeconds(10);

  private final MutinyEmitter<UsageRecorded> events;
  private final UsageEventBursts bursts;
  private final UsageStore usage;
  private final Queue<UUID> acknowledged = new ConcurrentLinkedQueue<>();

  UsageEventPublisher(
      @Channel(Channels.USAGE_EVENTS)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
          MutinyEmitter<UsageRecorded> events,
      UsageEventBursts bursts,
      UsageStore usage) {
    this.events = events;
    this.bursts = bursts;
    this.usage = usage;
  }

  /**
   * Sends {@code entry} without making the caller wait, in the next burst of {@link
   * UsageEventBursts}; once the broker acknowledges it, its row is marked published with others in
   * the next second. An event not sent is left to the relay.
   */
  public void publishSoon(UsageEntry entry) {
    if (!bursts.send(entry, acknowledged::add)) {
      Log.debugf("Usage event %s left for the relay", entry.id());
    }
  }

  /**
   * Marks the rows of acknowledged events published, many per statement: one UPDATE per call would
   * double the gateway's database writes. A row left unmarked by a crash is sent again by the
   * relay, a duplicate its id makes recognisable.
   */
  @Scheduled(every = "1s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> markAcknowledged() {
    List<UUID> ids = new ArrayList<>();
    for (UUID id = acknowledged.poll(); id != null; id = acknowledged.poll()) {
      ids.add(id);
    }
    if (ids.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return usage
        .markPublished(ids)
        .onFailure()
        .invoke(failure -> Log.warnf("Marking usage events published failed: %s", failure))
        .onFailure()
        .recoverWithNull();
  }

  @Scheduled(
      every = "30s",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> relayLeftovers() {
    return usage
        .unpublished(RELAY_MIN_AGE, BATCH)
        .chain(entries -> entries.isEmpty() ? Uni.createFrom().voidItem() : publish(entries))
        .onFailure()
        .invoke(failure -> Log.warnf("Usage event relay round failed: %s", failure.getMessage()))
        .onFailure()
        .recoverWithNull();
  }

  private Uni<Void> publish(List<UsageEntry> entries) {
    List<Uni<Void>> sends = entries.stream().map(this::send).toList();
    return Uni.join()
        .all(sends)
        .andFailFast()
        .chain(() -> usage.markPublished(entries.stream().map(UsageEntry::id).toList()));
  }

  private Uni<Void> send(UsageEntry entry) {
    return events.sendMessage(message(entry));
  }

  private static Message<UsageRecorded> message(UsageEntry entry) {
    var key = OutgoingKafkaRecordMetadata.<String>builder().withKey(keyOf(entry)).build();
    return Message.of(UsageEvents.recorded(entry)).addMetadata(key);
  }

  static String keyOf(UsageEntry entry) {
    var who = entry.attribution();
    if (who.executionId() != null) {
      return who.executionId();
    }
    return who.orgId() != null ? who.orgId() : "-";
  }
}
