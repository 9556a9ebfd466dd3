package ai.iceos.worker.messaging;

import ai.iceos.contracts.messaging.AgentCatalogEntry;
import ai.iceos.worker.WorkerIdentity;
import ai.iceos.worker.agent.AgentDefinition;
import ai.iceos.worker.agent.AgentRegistry;
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
 * Publishes every registered agent definition to the compacted agent catalog at start-up, keyed by
 * package, the same way {@link ToolCatalogPublisher} publishes the tools.
 */
@ApplicationScoped
class AgentCatalogPublisher {
  private final MutinyEmitter<AgentCatalogEntry> catalog;
  private final AgentRegistry agents;
  private final WorkerIdentity identity;
  private final InstantSource clock;

  AgentCatalogPublisher(
      @Channel(Channels.AGENT_CATALOG) MutinyEmitter<AgentCatalogEntry> catalog,
      AgentRegistry agents,
      WorkerIdentity identity,
      InstantSource clock) {
    this.catalog = catalog;
    this.agents = agents;
    this.identity = identity;
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent event) {
    publishAll()
        .subscribe()
        .with(
            count -> Log.infof("Published %d agents to the agent catalog", count),
            error -> Log.errorf(error, "Could not publish the agent catalog"));
  }

  /** Sends one entry per agent and completes with their number once the broker acked them all. */
  Uni<Integer> publishAll() {
    List<AgentCatalogEntry> entries = agents.all().stream().map(this::entry).toList();
    return CatalogEntries.publish(catalog, entries, AgentCatalogEntry::agentPackage);
  }

  private AgentCatalogEntry entry(AgentDefinition agent) {
    return new AgentCatalogEntry(
        UUID.randomUUID(),
        agent.packageName(),
        agent.description(),
        agent.model(),
        agent.tools(),
        identity.id(),
        clock.instant());
  }
}
