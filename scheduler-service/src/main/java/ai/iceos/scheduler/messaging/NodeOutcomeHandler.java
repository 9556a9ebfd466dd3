package ai.iceos.scheduler.messaging;

import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.scheduler.store.RunStore;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies workers' reports ({@code iceos.node-outcomes.v1}, keyed by execution id), a poll's worth
 * at a time: the outcomes of one execution in the batch are applied in one transaction, in offset
 * order, and different executions' groups side by side ({@link ExecutionBatches}). A duplicate or
 * stale outcome changes nothing and sends nothing. The batch is acknowledged (its offsets may be
 * committed) only once every group is stored; the store hands what they wrote to the relay.
 *
 * <p>What a group stores continues the trace of its last outcome. A poison record never blocks the
 * others: when a group's transaction fails for a reason other than the store's, its outcomes are
 * applied one by one, and the one that fails alone is dead-lettered.
 */
@ApplicationScoped
class NodeOutcomeHandler {
  private final RunStore runs;

  NodeOutcomeHandler(RunStore runs) {
    this.runs = runs;
  }

  @Incoming(Channels.NODE_OUTCOMES)
  Uni<Void> on(KafkaRecordBatch<String, NodeOutcome> batch) {
    long begun = System.nanoTime();
    return ExecutionBatches.apply(batch, NodeOutcome::executionId, this::applyGroup)
        .invoke(
            written ->
                Log.debugf(
                    "timing outcome batch %s records %.2f ms",
                    (Object) batch.getRecords().size(), (System.nanoTime() - begun) / 1e6))
        .chain(() -> Uni.createFrom().completionStage(batch.ack()));
  }

  private Uni<Boolean> applyGroup(
      String executionId, List<KafkaRecord<String, NodeOutcome>> records) {
    List<NodeOutcome> outcomes = records.stream().map(KafkaRecord::getPayload).toList();
    return ExecutionBatches.inTraceOf(records.getLast(), () -> runs.applyAll(executionId, outcomes))
        .onFailure()
        .recoverWithUni(
            failure -> {
              if (records.size() == 1) {
                return ExecutionBatches.deadLetter(records.getFirst(), failure).replaceWith(false);
              }
              Log.warnf(
                  "Outcomes of execution %s could not be applied together (%s); applying them one"
                      + " by one",
                  executionId, failure.toString());
              return ExecutionBatches.oneByOne(records, runs::apply);
            });
  }
}
