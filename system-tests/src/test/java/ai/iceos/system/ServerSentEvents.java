package ai.iceos.system;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code text/event-stream} of run events: the JSON {@code data} of each event, until the
 * terminal event or the end of the stream; comments (keep-alives) are ignored.
 */
final class ServerSentEvents {
  private static final Set<String> TERMINAL =
      Set.of("workflow.completed", "workflow.failed", "workflow.cancelled");

  private ServerSentEvents() {}

  static List<JsonNode> read(Iterator<String> lines) {
    List<JsonNode> events = new ArrayList<>();
    StringBuilder data = new StringBuilder();
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.isEmpty()) {
        if (!data.isEmpty()) {
          JsonNode event = parse(data.toString());
          events.add(event);
          data.setLength(0);
          if (TERMINAL.contains(event.path("event_type").asText())) {
            return events;
          }
        }
      } else if (line.startsWith("data:")) {
        if (!data.isEmpty()) {
          data.append('\n');
        }
        data.append(line.substring(5).stripLeading());
      }
    }
    return events;
  }

  private static JsonNode parse(String json) {
    try {
      return IceosJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("event data is not JSON: " + json, e);
    }
  }
}
