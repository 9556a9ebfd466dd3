package ai.iceos.worker.seller;

import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolException;
import ai.iceos.worker.tool.ToolSchema;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * POSTs a JSON payload to a URL with the bearer key from the environment (Seller Assistant
 * toolkit): https only unless the host is allow-listed, 5xx and 429 retried with backoff. In
 * dry-run mode, the default, it makes no call and answers {@code LOC-<12 hex of sha1(payload)>}.
 */
@Singleton
final class ApiPosterTool implements Tool {
  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["url", "payload"],
           "properties": {
             "url": {"type": "string", "minLength": 1, "description": "absolute https URL"},
             "payload": {"description": "the JSON body"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["status", "id", "uploaded"],
           "properties": {"status": {"enum": ["dry_run", "posted"]}, "id": {"type": "string"},
                          "uploaded": {"type": "boolean"},
                          "http_status": {"type": ["integer", "null"]}, "response": {}}}
          """);

  private final Publisher publisher;

  ApiPosterTool(Publisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public String name() {
    return "api_poster";
  }

  @Override
  public String description() {
    return "POSTs a JSON payload to an https API with a bearer key (dry run by default).";
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
    URI url = url(args.get("url").asText());
    JsonNode payload = args.get("payload");
    return publisher.post(url, payload, "LOC-" + Sku.sha1Hex(payload.toString()).substring(0, 12));
  }

  private static URI url(String text) {
    try {
      URI uri = new URI(text);
      if (!uri.isAbsolute()) {
        throw ToolException.invalidArguments("'url' must be an absolute URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw ToolException.invalidArguments("'url' is not a URL: " + e.getReason());
    }
  }
}
