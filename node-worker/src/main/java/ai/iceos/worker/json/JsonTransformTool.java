package ai.iceos.worker.json;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolContext;
import ai.iceos.worker.tool.ToolException;
import ai.iceos.worker.tool.ToolSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Selects from JSON with a JSONPath expression (Jayway JsonPath): {@code {result}}. A definite path
 * that matches nothing gives {@code null}; an indefinite one ({@code $..price}, filters) gives a
 * list, empty when nothing matches. JSONPath only reads: it cannot call code.
 */
@Singleton
final class JsonTransformTool implements Tool {
  private static final Configuration JSON_PATH =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(IceosJson.mapper()))
          .mappingProvider(new JacksonMappingProvider(IceosJson.mapper()))
          .options(Option.DEFAULT_PATH_LEAF_TO_NULL)
          .build();
  private static final JsonNode INPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["data", "expression"],
           "properties": {
             "data": {"description": "the JSON value to read from"},
             "expression": {"type": "string", "minLength": 1, "maxLength": 10000,
                            "description": "a JSONPath expression, e.g. $.rows[*].price"}}}
          """);
  private static final JsonNode OUTPUT =
      ToolSchema.parse(
          """
          {"type": "object", "required": ["result"], "properties": {"result": {}}}
          """);

  @Override
  public String name() {
    return "json_transform";
  }

  @Override
  public String description() {
    return "Selects values from JSON with a JSONPath expression.";
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
    return Uni.createFrom().item(() -> select(args.get("data"), args.get("expression").asText()));
  }

  private static JsonNode select(JsonNode data, String expression) {
    JsonPath path;
    try {
      path = JsonPath.compile(expression);
    } catch (InvalidPathException | IllegalArgumentException e) {
      throw ToolException.invalidArguments(
          "Invalid JSONPath '" + expression + "': " + e.getMessage());
    }
    JsonNode result;
    try {
      JsonNode found = path.read(data.deepCopy(), JSON_PATH);
      result = found == null ? NullNode.getInstance() : found;
    } catch (PathNotFoundException e) {
      result = NullNode.getInstance();
    } catch (InvalidPathException e) {
      throw ToolException.invalidArguments(
          "JSONPath '" + expression + "' failed: " + e.getMessage());
    }
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    output.set("result", result);
    return output;
  }
}
