package ai.iceos.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Waits {@code seconds} on a timer, holding no thread, then returns {@code {slept: seconds}} (SPEC
 * §6).
 */
@Singleton
final class SleepTool implements Tool {
  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["seconds"],
           "properties": {"seconds": {"type": "number", "minimum": 0,
                                      "description": "how long to wait, in seconds"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["slept"],
           "properties": {"slept": {"type": "number"}}}
          """);

  @Override
  public String name() {
    return "sleep";
  }

  @Override
  public String description() {
    return "Waits the given number of seconds without holding a thread.";
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
    JsonNode seconds = args.path("seconds");
    if (!seconds.isNumber() || seconds.doubleValue() < 0) {
      return Uni.createFrom()
          .failure(ToolException.invalidArguments("sleep needs 'seconds', a number >= 0"));
    }
    Duration wait = Duration.ofNanos(Math.round(seconds.doubleValue() * 1_000_000_000d));
    JsonNode result = JsonNodeFactory.instance.objectNode().set("slept", seconds.deepCopy());
    return Uni.createFrom().item(result).onItem().delayIt().by(wait);
  }
}
