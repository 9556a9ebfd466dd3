package ai.iceos.blueprint.api;

import ai.iceos.contracts.messaging.RunEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A run event as clients see it (SPEC §4).
 *
 * @param nodeId null (absent) for events of the whole execution
 */
public record StreamedEvent(
    String eventType,
    long sequence,
    Instant timestamp,
    String executionId,
    String nodeId,
    JsonNode data) {
  static StreamedEvent of(RunEvent event) {
    return new StreamedEvent(
        event.eventType().wireName(),
        event.sequence(),
        event.timestamp(),
        event.executionId(),
        event.nodeId(),
        event.data());
  }
}
