package ai.iceos.worker.messaging;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The W3C trace context of a task record (headers {@code traceparent}, {@code tracestate}, {@code
 * baggage}), copied as it is onto the task's outcomes when the worker makes no messaging spans of
 * its own (decision 0105): the trace stays one trace across the worker, with the worker's hop not
 * shown as spans.
 */
final class TraceHeaders {
  static final Set<String> NAMES = Set.of("traceparent", "tracestate", "baggage");

  private TraceHeaders() {}

  /** The trace headers of {@code incoming}'s Kafka record; empty when it has none. */
  static Optional<List<RecordHeader>> of(Message<?> incoming) {
    return incoming
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(IncomingKafkaRecordMetadata::getHeaders)
        .flatMap(TraceHeaders::of);
  }

  static Optional<List<RecordHeader>> of(Headers headers) {
    List<RecordHeader> copied = null;
    for (Header header : headers) {
      if (NAMES.contains(header.key())) {
        if (copied == null) {
          copied = new ArrayList<>(3);
        }
        copied.add(new RecordHeader(header.key(), header.value()));
      }
    }
    return Optional.ofNullable(copied);
  }
}
