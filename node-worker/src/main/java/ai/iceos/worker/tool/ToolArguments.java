package ai.iceos.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the arguments a tool receives: for each parameter the tool's input schema declares, the
 * explicit {@code tool_args} value wins, else the scope value of the same name (so a loop body's
 * {@code item} or a dependency's output reaches a tool without a template), else the parameter's
 * schema {@code default}. Explicit arguments the schema does not declare are kept as given; scope
 * names the schema does not declare are not copied, so a tool's arguments stay what its schema
 * says. Run inputs, which the scope also flattens at its top level, never fill a parameter
 * implicitly: a run input {@code name} must not rename every product a listing tool sees. A tool
 * gets a run input only through a template such as {@code "{{ inputs.name }}"}.
 */
public final class ToolArguments {
  private ToolArguments() {}

  /**
   * @param inputSchema the tool's input JSON Schema
   * @param explicit the rendered {@code tool_args}; a non-object is returned unchanged for the
   *     validator to reject
   * @param scope the node's scope
   */
  public static JsonNode assemble(JsonNode inputSchema, JsonNode explicit, JsonNode scope) {
    if (!explicit.isObject()) {
      return explicit;
    }
    ObjectNode args = JsonNodeFactory.instance.objectNode();
    JsonNode properties = inputSchema.path("properties");
    properties
        .properties()
        .forEach(
            declared -> {
              String name = declared.getKey();
              JsonNode fromScope = scope == null ? null : scope.get(name);
              if (fromScope != null && !fromScope.isNull() && !isRunInput(scope, name)) {
                args.set(name, fromScope.deepCopy());
              } else if (declared.getValue().has("default")) {
                args.set(name, declared.getValue().get("default").deepCopy());
              }
            });
    explicit.properties().forEach(e -> args.set(e.getKey(), e.getValue().deepCopy()));
    return args;
  }

  /** The top-level scope entry is the flattened run input, not a dependency or loop variable. */
  private static boolean isRunInput(JsonNode scope, String name) {
    JsonNode input = scope.path("inputs").get(name);
    return input != null && input.equals(scope.get(name));
  }
}
