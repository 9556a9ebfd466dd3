package ai.iceos.compiler.catalog;

import ai.iceos.contracts.messaging.AgentCatalogEntry;
import ai.iceos.contracts.messaging.ModelCatalogEntry;
import ai.iceos.contracts.messaging.ToolCatalogEntry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current catalogs, kept by the catalog consumers: the newest entry per key wins, a removal (a
 * tombstone on the topic) drops the key. Thread-safe; {@link #snapshot()} copies, so one
 * compilation sees one consistent view per catalog.
 */
public final class CatalogStore {
  private final Map<String, ToolCatalogEntry> tools = new ConcurrentHashMap<>();
  private final Map<String, AgentCatalogEntry> agents = new ConcurrentHashMap<>();
  private final Map<String, ModelCatalogEntry> models = new ConcurrentHashMap<>();

  public void putTool(String name, ToolCatalogEntry entry) {
    put(tools, name, entry);
  }

  public void putAgent(String agentPackage, AgentCatalogEntry entry) {
    put(agents, agentPackage, entry);
  }

  public void putModel(String model, ModelCatalogEntry entry) {
    put(models, model, entry);
  }

  public Catalogs snapshot() {
    return new Catalogs(tools, agents, models);
  }

  /** A null entry is a tombstone: the key is removed. */
  private static <T> void put(Map<String, T> catalog, String key, T entry) {
    if (entry == null) {
      catalog.remove(key);
    } else {
      catalog.put(key, entry);
    }
  }
}
