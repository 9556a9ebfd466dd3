package ai.iceos.worker.text;

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
import java.util.List;

/**
 * Splits a text into chunks of at most {@code chunk_size} characters, each starting {@code
 * chunk_overlap} characters before the previous one ended. A chunk ends at the last paragraph
 * break, else line break, else space in its second half, so words are not cut when avoidable.
 * Returns {@code {chunks, count}}.
 */
@Singleton
final class TextSplitterTool implements Tool {
  private static final List<String> BREAKS = List.of("\n\n", "\n", " ");
  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["text"],
           "properties": {
             "text": {"type": "string", "maxLength": 10000000, "description": "the text to split"},
             "chunk_size": {"type": "integer", "minimum": 1, "maximum": 1000000, "default": 1000,
                            "description": "largest chunk, in characters"},
             "chunk_overlap": {"type": "integer", "minimum": 0, "default": 0,
                               "description": "characters a chunk repeats from the previous one"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["chunks", "count"],
           "properties": {"chunks": {"type": "array", "items": {"type": "string"}},
                          "count": {"type": "integer"}}}
          """);

  @Override
  public String name() {
    return "text_splitter";
  }

  @Override
  public String description() {
    return "Splits a text into overlapping chunks of at most chunk_size characters.";
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
    return Uni.createFrom().item(() -> split(args));
  }

  private static JsonNode split(JsonNode args) {
    String text = args.get("text").asText();
    int size = args.path("chunk_size").asInt(1000);
    int overlap = args.path("chunk_overlap").asInt(0);
    if (overlap >= size) {
      throw ToolException.invalidArguments("'chunk_overlap' must be smaller than 'chunk_size'");
    }
    ArrayNode chunks = JsonNodeFactory.instance.arrayNode();
    int start = 0;
    while (start < text.length()) {
      int end = end(text, start, size);
      String chunk = text.substring(start, end).strip();
      if (!chunk.isEmpty()) {
        chunks.add(chunk);
      }
      if (end >= text.length()) {
        break;
      }
      start = Math.max(end - overlap, start + 1);
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.set("chunks", chunks);
    result.put("count", chunks.size());
    return result;
  }

  /** Where the chunk starting at {@code start} ends: a break in its second half, else the limit. */
  static int end(String text, int start, int size) {
    int limit = Math.min(text.length(), start + size);
    if (limit == text.length()) {
      return limit;
    }
    for (String separator : BREAKS) {
      int at = text.lastIndexOf(separator, limit - separator.length());
      if (at > start + size / 2) {
        return at + separator.length();
      }
    }
    return limit;
  }
}
