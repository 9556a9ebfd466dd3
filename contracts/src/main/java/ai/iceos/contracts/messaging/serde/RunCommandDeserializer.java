package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.messaging.RunCommand;

/** Kafka deserializer of {@link RunCommand}. */
public final class RunCommandDeserializer extends MessageDeserializer<RunCommand> {
  public RunCommandDeserializer() {
    super(RunCommand.class);
  }
}
