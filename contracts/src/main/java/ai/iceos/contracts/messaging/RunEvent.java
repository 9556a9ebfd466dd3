package ai.iceos.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event of an execution (SPEC §4), on {@link Topics#RUN_EVENTS} keyed by execution id. The
 * envelope is the public event shape, so blueprint-service stores and streams it unchanged.
 *
 * <p>{@code sequence} starts at 1 and is gap-free per execution; (execution id, sequence) is the
 * idempotency key of consumers. The content of {@code data} per type is documented in
 * docs/events.md.
 *
 * @param nodeId the node the event is about, or null for execution-level events
 * @param timestamp when it happened (UTC)
 */
public record RunEvent(
    UUID messageId,
    String executionId,
    long sequence,
    RunEventType eventType,
    String nodeId,
    JsonNode data,
    Instant timestamp)
    implements IceosMessage {
  public RunEvent {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(executionId, "execution_id");
    Objects.requireNonNull(eventType, "event_type");
    Objects.requireNonNull(timestamp, "timestamp");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be >= 1");
    }
    data = data == null ? JsonNodeFactory.instance.objectNode() : data.deepCopy();
  }

  @Override
  @JsonIgnore
  public Instant occurredAt() {
    return timestamp;
  }
}
