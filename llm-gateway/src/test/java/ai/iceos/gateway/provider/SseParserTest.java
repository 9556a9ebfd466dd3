package ai.iceos.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

  @Test
  void shouldDispatchEventsSplitAcrossChunksAtAnyByte() {
    String stream =
        "event: message_start\r\ndata: {\"a\":1}\r\n\r\n: keep-alive\n\ndata: x\ndata: y\n\ndata: [DONE]\n\n";
    for (int cut = 1; cut < stream.length(); cut++) {
      var parser = new SseParser();
      List<SseEvent> events = new ArrayList<>(parser.feed(stream.substring(0, cut)));
      events.addAll(parser.feed(stream.substring(cut)));

      assertThat(events)
          .as("cut at %d", cut)
          .containsExactly(
              new SseEvent("message_start", "{\"a\":1}"),
              new SseEvent("message", "x\ny"),
              new SseEvent("message", "[DONE]"));
    }
  }

  @Test
  void shouldHoldAnUnfinishedEvent() {
    assertThat(new SseParser().feed("data: partial\n")).isEmpty();
  }
}
