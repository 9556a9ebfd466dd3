package ai.iceos.blueprint.execution;

import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.util.Comparator;
import java.util.List;

/** Checks run inputs against the plan's {@code inputs_schema} (JSON Schema draft 2020-12). */
public final class InputsValidator {
  // Schemas come from users: a $ref may load only the bundled meta-schemas, never the network.
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaLoaders(
                  loaders ->
                      loaders.values(
                          list ->
                              list.add(
                                  0,
                                  new AllowSchemaLoader(
                                      iri -> iri.toString().startsWith("classpath:"))))));
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();

  private InputsValidator() {}

  /** Every violation, with pointers under {@code /inputs}; empty when valid or schema-less. */
  public static List<Violation> validate(JsonNode schema, JsonNode inputs) {
    if (schema == null || schema.isNull() || schema.isEmpty() && schema.isObject()) {
      return List.of();
    }
    try {
      JsonSchema compiled = FACTORY.getSchema(schema, CONFIG);
      return compiled.validate(inputs).stream()
          .map(InputsValidator::toViolation)
          .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::detail))
          .toList();
    } catch (JsonSchemaException e) {
      return List.of(
          new Violation(
              "/inputs",
              "unusable-schema",
              "the blueprint's inputs schema cannot be applied: " + e.getMessage()));
    }
  }

  private static Violation toViolation(ValidationMessage message) {
    String at = message.getInstanceLocation().toString();
    String pointer = "/inputs" + at;
    if ("required".equals(message.getType()) && message.getProperty() != null) {
      pointer = pointer + "/" + StartExecutionRequestReader.escape(message.getProperty());
    }
    return new Violation(pointer, message.getType(), message.getMessage());
  }
}
