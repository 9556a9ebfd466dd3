package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.BlueprintSchema;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public blueprint JSON Schema (contracts' {@link BlueprintSchema}, served at {@code
 * /api/v1/schemas/blueprint.json}) applied by the compiler after its own rules. The rules give the
 * precise problems; this check reports what the schema rejects at a place no rule already reported,
 * so a document the compiler accepts is always one the published schema accepts too.
 */
final class PublicSchemaCheck {
  static final String CODE = "schema-violation";

  private final JsonSchema schema =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(
              BlueprintSchema.document(),
              SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build());

  /** Schema problems at pointers that none of {@code reported} covers, one per pointer. */
  List<Violation> uncovered(JsonNode document, List<Violation> reported) {
    Map<String, Violation> byPointer = new LinkedHashMap<>();
    for (ValidationMessage message : schema.validate(document)) {
      String pointer = message.getInstanceLocation().toString();
      if (!covered(pointer, reported)) {
        byPointer.putIfAbsent(pointer, new Violation(pointer, CODE, detail(message)));
      }
    }
    return new ArrayList<>(byPointer.values());
  }

  private static boolean covered(String pointer, List<Violation> reported) {
    return reported.stream()
        .map(Violation::pointer)
        .anyMatch(p -> within(pointer, p) || within(p, pointer));
  }

  /** Whether {@code pointer} is {@code ancestor} or lies below it (whole segments only). */
  private static boolean within(String pointer, String ancestor) {
    return ancestor.isEmpty() || pointer.equals(ancestor) || pointer.startsWith(ancestor + "/");
  }

  private static String detail(ValidationMessage message) {
    return "The blueprint schema rejects this value: " + message.getMessage() + ".";
  }
}
