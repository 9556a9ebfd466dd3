package ai.iceos.contracts.messaging;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An agent definition registered by package name, on the compacted {@link Topics#AGENT_CATALOG}
 * keyed by {@code agentPackage} (a null value removes it). Published by node-worker, which runs
 * agents; read by the compiler and the API.
 *
 * @param model the model it uses unless a node overrides it
 * @param tools the tools it may call
 */
public record AgentCatalogEntry(
    UUID messageId,
    @JsonProperty("package") String agentPackage,
    String description,
    String model,
    List<String> tools,
    String publishedBy,
    Instant occurredAt)
    implements IceosMessage {
  public AgentCatalogEntry {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(agentPackage, "package");
    tools = tools == null ? List.of() : List.copyOf(tools);
  }
}
