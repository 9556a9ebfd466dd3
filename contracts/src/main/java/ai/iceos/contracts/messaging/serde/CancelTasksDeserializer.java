package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.messaging.CancelTasks;

/** Kafka deserializer of {@link CancelTasks}. */
public final class CancelTasksDeserializer extends MessageDeserializer<CancelTasks> {
  public CancelTasksDeserializer() {
    super(CancelTasks.class);
  }
}
