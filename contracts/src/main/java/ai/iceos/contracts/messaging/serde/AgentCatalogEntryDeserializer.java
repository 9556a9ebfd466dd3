package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.messaging.AgentCatalogEntry;

/** Kafka deserializer of {@link AgentCatalogEntry}. */
public final class AgentCatalogEntryDeserializer extends MessageDeserializer<AgentCatalogEntry> {
  public AgentCatalogEntryDeserializer() {
    super(AgentCatalogEntry.class);
  }
}
