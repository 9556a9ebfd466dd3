package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.messaging.NodeOutcome;

/** Kafka deserializer of {@link NodeOutcome}. */
public final class NodeOutcomeDeserializer extends MessageDeserializer<NodeOutcome> {
  public NodeOutcomeDeserializer() {
    super(NodeOutcome.class);
  }
}
