package ai.iceos.contracts.messaging.serde;

import ai.iceos.contracts.messaging.ModelCatalogEntry;

/** Kafka deserializer of {@link ModelCatalogEntry}. */
public final class ModelCatalogEntryDeserializer extends MessageDeserializer<ModelCatalogEntry> {
  public ModelCatalogEntryDeserializer() {
    super(ModelCatalogEntry.class);
  }
}
