package ai.iceos.compiler.messaging;

import ai.iceos.compiler.catalog.CatalogStore;
import ai.iceos.contracts.messaging.AgentCatalogEntry;
import ai.iceos.contracts.messaging.ModelCatalogEntry;
import ai.iceos.contracts.messaging.ToolCatalogEntry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the {@link CatalogStore} current from the compacted catalog topics (docs/decisions/0008).
 * Each instance reads them from the beginning with a consumer group of its own, so every instance
 * holds the whole catalog; the newest record per key wins and a tombstone (null value) removes the
 * key. A record that cannot be read is skipped and logged: the next entry for its key repairs it.
 */
@ApplicationScoped
class CatalogHandler {
  /** Set by SmallRye on a record whose value could not be deserialized. */
  private static final String DESERIALIZATION_FAILURE = "deserialization-failure-reason";

  private final CatalogStore catalogs;

  CatalogHandler(CatalogStore catalogs) {
    this.catalogs = catalogs;
  }

  @Incoming(Channels.TOOL_CATALOG)
  void onTool(ConsumerRecord<String, ToolCatalogEntry> record) {
    if (readable(record)) {
      catalogs.putTool(record.key(), record.value());
    }
  }

  @Incoming(Channels.AGENT_CATALOG)
  void onAgent(ConsumerRecord<String, AgentCatalogEntry> record) {
    if (readable(record)) {
      catalogs.putAgent(record.key(), record.value());
    }
  }

  @Incoming(Channels.MODEL_CATALOG)
  void onModel(ConsumerRecord<String, ModelCatalogEntry> record) {
    if (readable(record)) {
      catalogs.putModel(record.key(), record.value());
    }
  }

  private static boolean readable(ConsumerRecord<String, ?> record) {
    Header failure = record.headers().lastHeader(DESERIALIZATION_FAILURE);
    if (record.key() == null || failure != null) {
      Log.warnf(
          "Skipped unreadable catalog record at %s-%d@%d",
          record.topic(), record.partition(), record.offset());
      return false;
    }
    Log.debugf(
        "Catalog %s: %s %s",
        record.topic(), record.value() == null ? "removed" : "updated", record.key());
    return true;
  }
}
