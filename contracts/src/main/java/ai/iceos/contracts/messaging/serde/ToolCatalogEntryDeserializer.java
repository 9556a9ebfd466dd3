package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.messaging.ToolCatalogEntry;

/** Kafka deserializer of {@link ToolCatalogEntry}. */
public final class ToolCatalogEntryDeserializer extends MessageDeserializer<ToolCatalogEntry> {
  public ToolCatalogEntryDeserializer() {
    super(ToolCatalogEntry.class);
  }
}
