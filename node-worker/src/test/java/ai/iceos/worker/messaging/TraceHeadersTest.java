package ai.iceos.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TraceHeadersTest {
  private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @Test
  void shouldCopyOnlyTheTraceContextHeaders() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("traceparent", bytes(PARENT));
    headers.add("tracestate", bytes("congo=t61rcWkgMzE"));
    headers.add("baggage", bytes("org=acme"));
    headers.add("other", bytes("x"));

    var copied = TraceHeaders.of(headers).orElseThrow();

    assertThat(copied)
        .extracting(RecordHeader::key)
        .containsExactly("traceparent", "tracestate", "baggage");
    assertThat(new String(copied.get(0).value(), StandardCharsets.UTF_8)).isEqualTo(PARENT);
  }

  @Test
  void shouldCopyNothingFromARecordWithoutTraceContext() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("other", bytes("x"));

    assertThat(TraceHeaders.of(headers)).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
