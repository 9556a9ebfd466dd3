package ai.iceos.blueprint.messaging;

import ai.iceos.blueprint.catalog.Catalog;
import ai.iceos.contracts.messaging.ModelCatalogEntry;
import ai.iceos.contracts.messaging.ToolCatalogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps {@link Catalog} up to date from the compacted catalog topics, which each replica reads
 * whole, from the beginning, in a consumer group of its own.
 */
@ApplicationScoped
class CatalogHandler {
  private final Catalog catalog;

  CatalogHandler(Catalog catalog) {
    this.catalog = catalog;
  }

  @Incoming(Channels.TOOL_CATALOG)
  void tool(ConsumerRecord<String, ToolCatalogEntry> record) {
    catalog.tool(record.key(), record.value());
  }

  @Incoming(Channels.MODEL_CATALOG)
  void model(ConsumerRecord<String, ModelCatalogEntry> record) {
    catalog.model(record.key(), record.value());
  }
}
