package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.messaging.BlueprintCommand;

/** Kafka deserializer of {@link BlueprintCommand}. */
public final class BlueprintCommandDeserializer extends MessageDeserializer<BlueprintCommand> {
  public BlueprintCommandDeserializer() {
    super(BlueprintCommand.class);
  }
}
