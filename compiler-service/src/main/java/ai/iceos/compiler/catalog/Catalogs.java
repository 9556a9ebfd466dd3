package ai.iceos.compiler.catalog;

import ai.iceos.contracts.messaging.AgentCatalogEntry;
import ai.iceos.contracts.messaging.ModelCatalogEntry;
import ai.iceos.contracts.messaging.ToolCatalogEntry;
import java.util.Map;

/**
 * A snapshot of what the system offers, as read from the catalog topics: tools by name, agent
 * definitions by package, models by name. An empty catalog means "not known yet" (nothing was
 * published, e.g. a fresh system whose workers have not started): names are then not checked
 * against it, so that a blueprint is never rejected only because a publisher is late.
 */
public record Catalogs(
    Map<String, ToolCatalogEntry> tools,
    Map<String, AgentCatalogEntry> agents,
    Map<String, ModelCatalogEntry> models) {
  public Catalogs {
    tools = Map.copyOf(tools);
    agents = Map.copyOf(agents);
    models = Map.copyOf(models);
  }

  /** Nothing known: no name is checked, prices come from the built-in table. */
  public static Catalogs unknown() {
    return new Catalogs(Map.of(), Map.of(), Map.of());
  }
}
