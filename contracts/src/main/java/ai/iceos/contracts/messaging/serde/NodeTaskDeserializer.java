package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.messaging.NodeTask;

/** Kafka deserializer of {@link NodeTask}. */
public final class NodeTaskDeserializer extends MessageDeserializer<NodeTask> {
  public NodeTaskDeserializer() {
    super(NodeTask.class);
  }
}
