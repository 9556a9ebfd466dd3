package ai.iceos.blueprint.catalog;

import ai.iceos.contracts.messaging.ModelCatalogEntry;
import ai.iceos.contracts.messaging.ToolCatalogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tools and models on offer, as read from the compacted catalog topics (decision 0008): the
 * newest entry per key wins, a null entry removes the key.
 */
@ApplicationScoped
public class Catalog {
  private final Map<String, ToolCatalogEntry> tools = new ConcurrentHashMap<>();
  private final Map<String, ModelCatalogEntry> models = new ConcurrentHashMap<>();

  public void tool(String name, ToolCatalogEntry entry) {
    update(tools, name, entry);
  }

  public void model(String name, ModelCatalogEntry entry) {
    update(models, name, entry);
  }

  /** Tools by name. */
  public List<ToolCatalogEntry> tools() {
    return tools.values().stream().sorted(Comparator.comparing(ToolCatalogEntry::name)).toList();
  }

  /** Models by name. */
  public List<ModelCatalogEntry> models() {
    return models.values().stream().sorted(Comparator.comparing(ModelCatalogEntry::model)).toList();
  }

  private static <T> void update(Map<String, T> entries, String key, T entry) {
    if (key == null) {
      return;
    }
    if (entry == null) {
      entries.remove(key);
    } else {
      entries.put(key, entry);
    }
  }
}
