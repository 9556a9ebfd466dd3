package ai.iceos.worker.messaging;

import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolSchema;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/** Test-only tools that break their own contract, to provoke failure classes through Kafka. */
final class MisbehavingTools {
  private MisbehavingTools() {}

  /** Answers {@code {sum}} although its output schema requires {@code total}: invalid-output. */
  @Singleton
  static final class SloppyTool implements Tool {
    @Override
    public String name() {
      return "test_sloppy";
    }

    @Override
    public String description() {
      return "Breaks its output schema.";
    }

    @Override
    public JsonNode inputSchema() {
      return ToolSchema.parse("{\"type\": \"object\"}");
    }

    @Override
    public JsonNode outputSchema() {
      return ToolSchema.parse("{\"type\": \"object\", \"required\": [\"total\"]}");
    }

    @Override
    public Uni<JsonNode> execute(JsonNode args, ToolContext context) {
      return Uni.createFrom().item(ToolSchema.parse("{\"sum\": 1}"));
    }
  }

  /** Declares an output schema with a dangling reference, a bug the worker reports as internal. */
  @Singleton
  static final class DanglingSchemaTool implements Tool {
    @Override
    public String name() {
      return "test_dangling";
    }

    @Override
    public String description() {
      return "Declares a broken output schema.";
    }

    @Override
    public JsonNode inputSchema() {
      return ToolSchema.parse("{\"type\": \"object\"}");
    }

    @Override
    public JsonNode outputSchema() {
      return ToolSchema.parse("{\"$ref\": \"#/$defs/missing\"}");
    }

    @Override
    public Uni<JsonNode> execute(JsonNode args, ToolContext context) {
      return Uni.createFrom().item(ToolSchema.parse("{}"));
    }
  }
}
