package ai.iceos.gateway.provider;

import java.util.Objects;

/** One server-sent event: its {@code event} name ({@code message} when unnamed) and its data. */
public record SseEvent(String event, String data) {
  public SseEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(data, "data");
  }
}
