package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.messaging.RunEvent;

/** Kafka deserializer of {@link RunEvent}. */
public final class RunEventDeserializer extends MessageDeserializer<RunEvent> {
  public RunEventDeserializer() {
    super(RunEvent.class);
  }
}
