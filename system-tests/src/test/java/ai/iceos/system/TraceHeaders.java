package ai.iceos.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The W3C trace ids carried in the {@code traceparent} headers of one key's records on a topic. */
final class TraceHeaders {
  private TraceHeaders() {}

  static Set<String> traceIds(String bootstrap, String topic, String key, int expectedRecords) {
    try (var consumer = AuditConsumer.of(bootstrap, topic, new StringDeserializer())) {
      Set<String> traceIds = new HashSet<>();
      int seen = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen < expectedRecords && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            seen++;
            Header header = record.headers().lastHeader("traceparent");
            traceIds.add(
                header == null
                    ? "<none>"
                    : new String(header.value(), StandardCharsets.US_ASCII).split("-")[1]);
          }
        }
      }
      return traceIds;
    }
  }
}
