package ai.iceos.contracts.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * What every Kafka message carries in its body: its own identity (the idempotency key of its
 * consumer) and when it happened.
 */
public interface IceosMessage {
  /** Unique per message; a redelivered message keeps it, a new attempt gets a new one. */
  UUID messageId();

  /** When the sender produced it (UTC). */
  Instant occurredAt();
}
