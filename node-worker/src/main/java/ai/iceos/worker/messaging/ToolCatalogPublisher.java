package ai.iceos.worker.messaging;

import ai.iceos.contracts.messaging.ToolCatalogEntry;
import ai.iceos.worker.WorkerIdentity;
import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes every registered tool to the compacted tool catalog at start-up, keyed by tool name
 * (docs/decisions/0008), so the compiler and the API know each tool's schemas without calling a
 * worker. Every instance republishes; the newest entry per name wins, which is the same entry for
 * workers of one version.
 */
@ApplicationScoped
class ToolCatalogPublisher {
  private final MutinyEmitter<ToolCatalogEntry> catalog;
  private final ToolRegistry tools;
  private final WorkerIdentity identity;
  private final InstantSource clock;

  ToolCatalogPublisher(
      @Channel(Channels.TOOL_CATALOG) MutinyEmitter<ToolCatalogEntry> catalog,
      ToolRegistry tools,
      WorkerIdentity identity,
      InstantSource clock) {
    this.catalog = catalog;
    this.tools = tools;
    this.identity = identity;
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent event) {
    publishAll()
        .subscribe()
        .with(
            count -> Log.infof("Published %d tools to the tool catalog", count),
            error -> Log.errorf(error, "Could not publish the tool catalog"));
  }

  /** Sends one entry per tool and completes with their number once the broker acked them all. */
  Uni<Integer> publishAll() {
    List<ToolCatalogEntry> entries = tools.all().stream().map(this::entry).toList();
    return CatalogEntries.publish(catalog, entries, ToolCatalogEntry::name);
  }

  private ToolCatalogEntry entry(Tool tool) {
    return new ToolCatalogEntry(
        UUID.randomUUID(),
        tool.name(),
        tool.description(),
        tool.inputSchema(),
        tool.outputSchema(),
        identity.id(),
        clock.instant());
  }
}
