package ai.iceos.contracts.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A tool a node-worker can run, on the compacted {@link Topics#TOOL_CATALOG} keyed by {@code name}
 * (a null value removes it). Workers publish their tools at start-up; the compiler and the API read
 * the topic from the beginning, so the newest entry per name is the catalog.
 *
 * @param inputSchema JSON Schema of the tool's arguments ({@code tool_args}), defaults included
 * @param outputSchema JSON Schema of the tool's result object
 * @param publishedBy the worker instance that published it
 */
public record ToolCatalogEntry(
    UUID messageId,
    String name,
    String description,
    JsonNode inputSchema,
    JsonNode outputSchema,
    String publishedBy,
    Instant occurredAt)
    implements IceosMessage {
  public ToolCatalogEntry {
    Objects.requireNonNull(messageId, "message_id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inputSchema, "input_schema");
    Objects.requireNonNull(outputSchema, "output_schema");
    inputSchema = inputSchema.deepCopy();
    outputSchema = outputSchema.deepCopy();
  }
}
