package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.messaging.BlueprintEvent;

/** Kafka deserializer of {@link BlueprintEvent}. */
public final class BlueprintEventDeserializer extends MessageDeserializer<BlueprintEvent> {
  public BlueprintEventDeserializer() {
    super(BlueprintEvent.class);
  }
}
