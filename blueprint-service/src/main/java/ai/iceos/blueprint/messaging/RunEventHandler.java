package ai.iceos.blueprint.messaging;

import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.blueprint.store.RunEventProjection;
import ai.iceos.blueprint.waiting.WaitKeys;
import ai.iceos.blueprint.waiting.Wakeups;
import ai.iceos.contracts.messaging.RunEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores each run event and folds it into the execution view. Events arrive in poll-sized batches;
 * the events of one execution in a batch are applied in one transaction (one read and one write of
 * its view instead of one per event, decision 0118). Each record is acked only after its events and
 * the new view are committed; if a group's transaction fails, its events are applied one by one,
 * and only a record that fails alone is nacked (to the dead-letter topic).
 */
@ApplicationScoped
class RunEventHandler {
  private final RunEventProjection executions;
  private final Wakeups wakeups;

  RunEventHandler(RunEventProjection executions, Wakeups wakeups) {
    this.executions = executions;
    this.wakeups = wakeups;
  }

  @Incoming(Channels.RUN_EVENTS)
  @Acknowledgment(Acknowledgment.Strategy.MANUAL)
  Uni<Void> on(KafkaRecordBatch<String, RunEvent> batch) {
    Map<String, List<KafkaRecord<String, RunEvent>>> byExecution = new LinkedHashMap<>();
    List<KafkaRecord<String, RunEvent>> unreadable = new ArrayList<>();
    for (KafkaRecord<String, RunEvent> record : batch.getRecords()) {
      if (record.getPayload() == null) {
        unreadable.add(record);
        continue;
      }
      byExecution
          .computeIfAbsent(record.getPayload().executionId(), id -> new ArrayList<>())
          .add(record);
    }
    return Multi.createFrom()
        .iterable(byExecution.values())
        .onItem()
        .transformToUniAndConcatenate(this::applyTogether)
        .collect()
        .last()
        .chain(() -> nackAll(unreadable))
        .replaceWithVoid();
  }

  private static Uni<Void> nackAll(List<KafkaRecord<String, RunEvent>> records) {
    IllegalArgumentException unreadable = new IllegalArgumentException("unreadable run event");
    return Multi.createFrom()
        .iterable(records)
        .onItem()
        .transformToUniAndConcatenate(
            record -> Uni.createFrom().completionStage(() -> record.nack(unreadable)))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> applyTogether(List<KafkaRecord<String, RunEvent>> records) {
    List<RunEvent> events = records.stream().map(KafkaRecord::getPayload).toList();
    return executions
        .appendAll(events)
        .invoke(view -> announce(events, view))
        .chain(() -> ackAll(records))
        .onFailure()
        .recoverWithUni(
            failure -> {
              Log.debugf(
                  "Applying %d events together failed (%s); one by one", events.size(), failure);
              return applyOneByOne(records);
            });
  }

  private Uni<Void> applyOneByOne(List<KafkaRecord<String, RunEvent>> records) {
    return Multi.createFrom()
        .iterable(records)
        .onItem()
        .transformToUniAndConcatenate(this::applyAlone)
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> applyAlone(KafkaRecord<String, RunEvent> record) {
    RunEvent event = record.getPayload();
    return executions
        .append(event)
        .invoke(view -> announce(List.of(event), view))
        .chain(() -> Uni.createFrom().completionStage(record::ack))
        .onFailure()
        .recoverWithUni(failure -> Uni.createFrom().completionStage(() -> record.nack(failure)));
  }

  /** Acks every record at once, one future for all (no operator chain per record). */
  private static Uni<Void> ackAll(List<KafkaRecord<String, RunEvent>> records) {
    return Uni.createFrom()
        .completionStage(
            () ->
                CompletableFuture.allOf(
                    records.stream()
                        .map(record -> record.ack().toCompletableFuture())
                        .toArray(CompletableFuture[]::new)));
  }

  /**
   * Wakes this replica's event streams of the execution, and its {@code wait_seconds} waiters once
   * the view has ended.
   */
  private void announce(List<RunEvent> events, Optional<ExecutionView> view) {
    String executionId = events.getFirst().executionId();
    if (view.isEmpty()) {
      Log.debugf("%d events of unknown execution %s ignored", events.size(), executionId);
      return;
    }
    boolean ended = view.get().status().isTerminal();
    if (ended && events.stream().anyMatch(event -> event.eventType().isTerminal())) {
      Log.infof("Execution %s %s", executionId, view.get().status().wireName());
    }
    wakeups.wake(WaitKeys.execution(executionId));
    if (ended) {
      wakeups.wake(WaitKeys.executionEnd(executionId));
    }
  }
}
