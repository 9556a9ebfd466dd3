package ai.iceos.gateway.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code text/event-stream} into events as its bytes arrive, per the HTML Living Standard:
 * lines end in LF, CR or CRLF; {@code event:} names the event, {@code data:} lines are joined with
 * LF; a blank line dispatches; comments ({@code :}) and other fields are ignored. One parser per
 * stream; not thread-safe.
 */
public final class SseParser {
  private final StringBuilder pending = new StringBuilder();
  private final StringBuilder data = new StringBuilder();
  private String event = "";
  private boolean hasData;
  private boolean afterCr;

  /** The events completed by {@code chunk}. */
  public List<SseEvent> feed(String chunk) {
    List<SseEvent> events = new ArrayList<>();
    for (int i = 0; i < chunk.length(); i++) {
      char c = chunk.charAt(i);
      if (c == '\n' && afterCr) {
        afterCr = false;
        continue;
      }
      afterCr = c == '\r';
      if (c == '\n' || c == '\r') {
        line(pending.toString(), events);
        pending.setLength(0);
      } else {
        pending.append(c);
      }
    }
    return events;
  }

  private void line(String line, List<SseEvent> events) {
    if (line.isEmpty()) {
      if (hasData) {
        events.add(new SseEvent(event.isEmpty() ? "message" : event, data.toString()));
      }
      data.setLength(0);
      event = "";
      hasData = false;
      return;
    }
    if (line.startsWith(":")) {
      return;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> event = value;
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      default -> {
        // id and retry do not matter to a one-shot completion stream
      }
    }
  }
}
