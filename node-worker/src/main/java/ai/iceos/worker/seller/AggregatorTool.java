package ai.iceos.worker.seller;

import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolException;
import ai.iceos.worker.tool.ToolSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Summarises per-item results as {@code {total, success, failures, items}} (Seller Assistant
 * toolkit). The list is {@code items} when given, else the first direct dependency output that is a
 * list (a loop's output) or an object holding a list under {@code items}. An item is a failure when
 * it is null, not an object, has a non-null {@code error}, or says {@code success: false}.
 */
@Singleton
final class AggregatorTool implements Tool {
  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object",
           "properties": {
             "items": {"type": "array",
                       "description": "results; default: a list output of a direct dependency"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["total", "success", "failures", "items"],
           "properties": {"total": {"type": "integer", "minimum": 0},
                          "success": {"type": "integer", "minimum": 0},
                          "failures": {"type": "integer", "minimum": 0},
                          "items": {"type": "array"}}}
          """);

  @Override
  public String name() {
    return "aggregator";
  }

  @Override
  public String description() {
    return "Counts successes and failures of a list of per-item results.";
  }

  @Override
  public JsonNode inputSchema() {
    return INPUT;
  }

  @Override
  public JsonNode outputSchema() {
    return OUTPUT;
  }

  @Override
  public Uni<JsonNode> execute(JsonNode args, ToolContext context) {
    return Uni.createFrom().item(() -> summarise(items(args, context)));
  }

  private static JsonNode items(JsonNode args, ToolContext context) {
    if (args.path("items").isArray()) {
      return args.get("items");
    }
    return context.dependencyOutputs().stream()
        .map(AggregatorTool::listIn)
        .flatMap(Optional::stream)
        .findFirst()
        .orElseThrow(
            () ->
                ToolException.invalidArguments(
                    "aggregator needs 'items' or a direct dependency whose output is a list"));
  }

  private static Optional<JsonNode> listIn(JsonNode output) {
    if (output.isArray()) {
      return Optional.of(output);
    }
    JsonNode items = output.path("items");
    return items.isArray() ? Optional.of(items) : Optional.empty();
  }

  private static JsonNode summarise(JsonNode items) {
    int success = 0;
    for (JsonNode item : items) {
      if (succeeded(item)) {
        success++;
      }
    }
    ObjectNode summary = JsonNodeFactory.instance.objectNode();
    summary.put("total", items.size());
    summary.put("success", success);
    summary.put("failures", items.size() - success);
    summary.set("items", ((ArrayNode) items).deepCopy());
    return summary;
  }

  static boolean succeeded(JsonNode item) {
    return item != null
        && item.isObject()
        && !item.hasNonNull("error")
        && !(item.path("success").isBoolean() && !item.get("success").booleanValue());
  }
}
