package ai.iceos.worker.messaging;

import ai.iceos.contracts.messaging.AgentCatalogEntry;
import ai.iceos.contracts.messaging.ToolCatalogEntry;
import ai.iceos.worker.WorkerIdentity;
import ai.iceos.worker.agent.AgentDefinition;
import ai.iceos.worker.agent.AgentRegistry;
import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Publishes every registered tool to the compacted tool catalog, keyed by tool name
 * (docs/decisions/0008), and every agent definition to the compacted agent catalog, keyed by
 * package (docs/decisions/0102), at start-up, so the compiler and the API know them without calling
 * a worker. Every instance republishes; the newest entry per key wins, which is the same entry for
 * workers of one version.
 */
@ApplicationScoped
class CatalogPublisher {
  private final MutinyEmitter<ToolCatalogEntry> toolCatalog;
  private final MutinyEmitter<AgentCatalogEntry> agentCatalog;
  private final ToolRegistry tools;
  private final AgentRegistry agents;
  private final WorkerIdentity identity;
  private final InstantSource clock;

  CatalogPublisher(
      @Channel(Channels.TOOL_CATALOG) MutinyEmitter<ToolCatalogEntry> toolCatalog,
      @Channel(Channels.AGENT_CATALOG) MutinyEmitter<AgentCatalogEntry> agentCatalog,
      ToolRegistry tools,
      AgentRegistry agents,
      WorkerIdentity identity,
      InstantSource clock) {
    this.toolCatalog = toolCatalog;
    this.agentCatalog = agentCatalog;
    this.tools = tools;
    this.agents = agents;
    this.identity = identity;
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent event) {
    publishTools()
        .subscribe()
        .with(
            count -> Log.infof("Published %d tools to the tool catalog", count),
            error -> Log.errorf(error, "Could not publish the tool catalog"));
    publishAgents()
        .subscribe()
        .with(
            count -> Log.infof("Published %d agents to the agent catalog", count),
            error -> Log.errorf(error, "Could not publish the agent catalog"));
  }

  /** Sends one entry per tool and completes with their number once the broker acked them all. */
  Uni<Integer> publishTools() {
    return publish(toolCatalog, tools.all().stream().map(this::entry).toList(), e -> e.name());
  }

  /** Sends one entry per agent and completes with their number once the broker acked them all. */
  Uni<Integer> publishAgents() {
    return publish(
        agentCatalog, agents.all().stream().map(this::entry).toList(), e -> e.agentPackage());
  }

  private static <T> Uni<Integer> publish(
      MutinyEmitter<T> catalog, List<T> entries, Function<T, String> key) {
    return Multi.createFrom()
        .iterable(entries)
        .onItem()
        .transformToUniAndMerge(
            entry ->
                catalog.sendMessage(
                    Message.of(
                        entry,
                        Metadata.of(
                            OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(key.apply(entry))
                                .build()))))
        .collect()
        .last()
        .replaceWith(entries.size());
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
