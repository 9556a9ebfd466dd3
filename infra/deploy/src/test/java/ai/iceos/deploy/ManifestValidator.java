package ai.iceos.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates rendered manifests: each against the vendored JSON Schema of its {@code
 * apiVersion/kind} ({@link ManifestSchemas}: Kubernetes OpenAPI definitions and KEDA's CRD, strict,
 * as kubeconform {@code -strict} would), then against the rules the API server or KEDA apply beyond
 * the schema ({@link ManifestRules}). A kind without a schema is a problem too: nothing goes
 * unvalidated.
 */
final class ManifestValidator {
  private ManifestValidator() {}

  /** Every problem of every manifest, each prefixed with {@code Kind/name}; empty when valid. */
  static List<String> validate(List<Map<String, Object>> manifests) {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> manifest : manifests) {
      validate(manifest).forEach(problem -> problems.add(Manifests.id(manifest) + ": " + problem));
    }
    return problems;
  }

  static List<String> validate(Map<String, Object> manifest) {
    String type = manifest.get("apiVersion") + "/" + Manifests.kind(manifest);
    Optional<JsonSchema> schema = ManifestSchemas.forType(type);
    if (schema.isEmpty()) {
      return List.of("no schema for " + type + " (known: " + ManifestSchemas.types() + ")");
    }
    List<String> problems =
        new ArrayList<>(problems(schema.get(), Manifests.YAML.valueToTree(manifest)));
    problems.addAll(ManifestRules.problems(manifest));
    return problems;
  }

  /**
   * Schema violations as {@code /json/pointer: message}. Kubernetes' optional fields are {@code
   * oneOf: [{$ref}, {type: null}]}: when the object fails, the messages that it is not null and not
   * "exactly one" are noise next to the object's own problems, so they are dropped (as
   * kubernetes-models' own validator does).
   */
  static List<String> problems(JsonSchema schema, JsonNode node) {
    Collection<ValidationMessage> messages = schema.validate(node);
    return messages.stream()
        .filter(m -> !isNullableNoise(m))
        .map(m -> pointer(m) + ": " + m.getError() + " (" + m.getType() + ")")
        .distinct()
        .toList();
  }

  private static boolean isNullableNoise(ValidationMessage message) {
    return switch (message.getType()) {
      case "oneOf" -> message.getSchemaNode().toString().contains("{\"type\":\"null\"}");
      case "type" -> message.getError().endsWith(" found, null expected");
      default -> false;
    };
  }

  /** The instance location (a JSON pointer), plus the missing or unknown property if any. */
  private static String pointer(ValidationMessage message) {
    String pointer = message.getInstanceLocation().toString();
    String property = message.getProperty();
    return property == null ? (pointer.isEmpty() ? "/" : pointer) : pointer + "/" + property;
  }
}
