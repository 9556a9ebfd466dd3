package ai.iceos.worker.seller;

import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a plain-text or Markdown report (Seller Assistant toolkit): a heading, optional body text
 * and one bullet per item, where an item is shown by its {@code title}, {@code name} or JSON form
 * plus its {@code price} when it has one. Returns {@code {text, format, lines}}; it writes no file.
 */
@Singleton
final class WriterTool implements Tool {
  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object",
           "properties": {
             "title": {"type": "string", "default": "Report", "description": "heading"},
             "content": {"type": "string", "default": "", "description": "body text"},
             "items": {"type": "array", "default": [], "description": "one bullet each"},
             "format": {"type": "string", "enum": ["markdown", "text"], "default": "markdown",
                        "description": "markdown or plain text"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["text", "format", "lines"],
           "properties": {"text": {"type": "string"}, "format": {"type": "string"},
                          "lines": {"type": "integer"}}}
          """);

  @Override
  public String name() {
    return "writer_tool";
  }

  @Override
  public String description() {
    return "Writes a Markdown or plain-text report from a title, text and a list of items.";
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
    return Uni.createFrom().item(() -> write(args));
  }

  private static JsonNode write(JsonNode args) {
    boolean markdown = args.path("format").asText("markdown").equals("markdown");
    String title = args.path("title").asText("Report");
    List<String> lines = new ArrayList<>();
    lines.add(markdown ? "# " + title : title);
    String content = args.path("content").asText("");
    if (!content.isBlank()) {
      lines.add("");
      lines.add(content.strip());
    }
    if (!args.path("items").isEmpty()) {
      lines.add("");
      args.path("items").forEach(item -> lines.add((markdown ? "- " : "* ") + bullet(item)));
    }
    String text = String.join("\n", lines) + "\n";
    return JsonNodeFactory.instance
        .objectNode()
        .put("text", text)
        .put("format", markdown ? "markdown" : "text")
        .put("lines", lines.size());
  }

  private static String bullet(JsonNode item) {
    if (!item.isObject()) {
      return item.isTextual() ? item.textValue() : item.toString();
    }
    String label =
        item.hasNonNull("title")
            ? item.get("title").asText()
            : item.hasNonNull("name") ? item.get("name").asText() : item.toString();
    return item.hasNonNull("price") ? label + " — " + item.get("price").asText() : label;
  }
}
