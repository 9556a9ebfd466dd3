package ai.iceos.worker.seller;

import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolException;
import ai.iceos.worker.tool.ToolSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a CSV with a header row into {@code {rows, row_count, columns, truncated}}, every row a map
 * of column name to string (Seller Assistant toolkit). The CSV comes from {@code path} (inside the
 * worker's data directory, see {@link DataFiles}) or inline {@code content}. File reading runs on a
 * worker thread, never on the event loop.
 */
@Singleton
final class CsvLoaderTool implements Tool {
  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object",
           "oneOf": [{"required": ["path"]}, {"required": ["content"]}],
           "properties": {
             "path": {"type": "string", "minLength": 1,
                      "description": "file inside the worker's data directory"},
             "content": {"type": "string", "maxLength": 10485760,
                         "description": "the CSV text itself, instead of path"},
             "delimiter": {"type": "string", "minLength": 1, "maxLength": 1, "default": ",",
                           "description": "column separator"},
             "max_rows": {"type": "integer", "minimum": 1, "maximum": 100000, "default": 10000,
                          "description": "rows read at most; the rest is left out"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["rows", "row_count", "columns", "truncated"],
           "properties": {
             "rows": {"type": "array",
                      "items": {"type": "object", "additionalProperties": {"type": "string"}}},
             "row_count": {"type": "integer"},
             "columns": {"type": "array", "items": {"type": "string"}},
             "truncated": {"type": "boolean"}}}
          """);

  private final CsvMapper csv = new CsvMapper();
  private final DataFiles files;

  CsvLoaderTool(DataFiles files) {
    this.files = files;
  }

  @Override
  public String name() {
    return "csv_loader";
  }

  @Override
  public String description() {
    return "Loads CSV rows (header row required) from a data file or inline content.";
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
    return Uni.createFrom()
        .item(() -> load(args))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private JsonNode load(JsonNode args) {
    String text =
        args.hasNonNull("content")
            ? args.get("content").asText()
            : new String(
                files.read(args.path("path").asText(), MAX_FILE_BYTES), StandardCharsets.UTF_8);
    char delimiter = args.path("delimiter").asText(",").charAt(0);
    int maxRows = args.path("max_rows").asInt(10_000);
    try {
      return parse(stripBom(text), delimiter, maxRows);
    } catch (IOException e) {
      throw ToolException.invalidArguments("Malformed CSV: " + e.getMessage());
    }
  }

  private JsonNode parse(String text, char delimiter, int maxRows) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(delimiter);
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    ArrayNode columns = JsonNodeFactory.instance.arrayNode();
    boolean truncated = false;
    try (MappingIterator<Map<String, String>> it =
        csv.readerForMapOf(String.class).with(schema).readValues(text)) {
      while (it.hasNextValue()) {
        Map<String, String> row = it.nextValue();
        if (rows.size() == maxRows) {
          truncated = true;
          break;
        }
        ObjectNode node = rows.addObject();
        row.forEach(node::put);
      }
      if (it.getParser().getSchema() instanceof CsvSchema header) {
        header.forEach(column -> columns.add(column.getName()));
      }
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    result.set("rows", rows);
    result.put("row_count", rows.size());
    result.set("columns", columns);
    result.put("truncated", truncated);
    return result;
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
