package ai.iceos.scheduler.messaging;

import ai.iceos.scheduler.store.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;

/**
 * A poll's records of a channel keyed by execution id, split into one group per execution (offset
 * order kept within a group). Groups of different executions are stored side by side; one
 * execution's records are only ever handled by one group, in order. An unreadable record (no
 * payload) goes to the dead-letter topic at once.
 */
final class ExecutionBatches {
  /** Executions of one batch whose records are applied at the same time. */
  private static final int GROUPS_AT_ONCE = 8;

  private static final String TRACEPARENT = "traceparent";

  private ExecutionBatches() {}

  /**
   * Applies every group with {@code perGroup} and answers whether any of them wrote something.
   * Never fails for a record: {@code perGroup} dead-letters what it cannot apply.
   */
  static <T> Uni<Boolean> apply(
      KafkaRecordBatch<String, T> batch,
      Function<T, String> executionOf,
      BiFunction<String, List<KafkaRecord<String, T>>, Uni<Boolean>> perGroup) {
    Map<String, List<KafkaRecord<String, T>>> byExecution = new LinkedHashMap<>();
    List<KafkaRecord<String, T>> unreadable = new ArrayList<>();
    for (KafkaRecord<String, T> record : batch.getRecords()) {
      T payload = record.getPayload();
      if (payload == null) {
        unreadable.add(record);
      } else {
        byExecution
            .computeIfAbsent(executionOf.apply(payload), id -> new ArrayList<>())
            .add(record);
      }
    }
    Uni<List<Boolean>> deadLettered =
        each(
            unreadable,
            record ->
                deadLetter(record, new IllegalArgumentException("unreadable record"))
                    .replaceWith(false));
    return deadLettered
        .chain(
            () ->
                Multi.createFrom()
                    .iterable(byExecution.entrySet())
                    .onItem()
                    .transformToUni(group -> perGroup.apply(group.getKey(), group.getValue()))
                    .merge(GROUPS_AT_ONCE)
                    .collect()
                    .asList())
        .map(written -> written.contains(true));
  }

  /**
   * Applies the records one after the other, each on its own; a record whose apply fails is
   * dead-lettered and the next one is applied.
   */
  static <T> Uni<Boolean> oneByOne(
      List<KafkaRecord<String, T>> records, Function<T, Uni<Boolean>> apply) {
    return each(
            records,
            record ->
                inTraceOf(record, () -> apply.apply(record.getPayload()))
                    .onFailure()
                    .recoverWithUni(failure -> deadLetter(record, failure).replaceWith(false)))
        .map(written -> written.contains(true));
  }

  /**
   * Calls {@code call} with the record's trace as the current one, so that what the call stores
   * continues it (the store reads the current trace when called): the connector's span of the
   * record when there is one, else the record's {@code traceparent} header.
   */
  static <R> R inTraceOf(KafkaRecord<String, ?> record, Supplier<R> call) {
    Context context =
        record
            .getMetadata(TracingMetadata.class)
            .map(TracingMetadata::getCurrentContext)
            .filter(c -> Span.fromContext(c).getSpanContext().isValid())
            .orElseGet(() -> TraceParent.context(header(record)));
    try (Scope ignored = context.makeCurrent()) {
      return call.get();
    }
  }

  private static String header(KafkaRecord<String, ?> record) {
    Header header = record.getHeaders().lastHeader(TRACEPARENT);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The channel's failure strategy sends the record to its dead-letter topic. */
  static Uni<Void> deadLetter(KafkaRecord<String, ?> record, Throwable reason) {
    Log.warnf(
        "Record of %s on %s-%s dead-lettered: %s",
        record.getKey(), record.getTopic(), (Object) record.getPartition(), reason.toString());
    return Uni.createFrom().completionStage(() -> record.nack(reason));
  }

  private static <T> Uni<List<Boolean>> each(
      List<KafkaRecord<String, T>> records, Function<KafkaRecord<String, T>, Uni<Boolean>> apply) {
    return Multi.createFrom()
        .iterable(records)
        .onItem()
        .<Boolean>transformToUniAndConcatenate(apply::apply)
        .collect()
        .asList();
  }
}
