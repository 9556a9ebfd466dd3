package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code unsupported-schema-version}: {@code schema_version} other than 1.1.0 or 1.2.0. */
final class SchemaVersionRule implements BlueprintRule {
  static final String CODE = "unsupported-schema-version";

  /** Accepted versions; an absent {@code schema_version} means the last one. */
  static final List<String> ACCEPTED = List.of("1.1.0", "1.2.0");

  @Override
  public List<Violation> check(BlueprintDocument document) {
    return document
        .field("schema_version")
        .filter(JsonNode::isTextual)
        .map(JsonNode::asText)
        .filter(version -> !ACCEPTED.contains(version))
        .map(
            version ->
                new Violation(
                    "/schema_version",
                    CODE,
                    "Schema version '"
                        + version
                        + "' is not supported; accepted versions are "
                        + String.join(", ", ACCEPTED)
                        + "."))
        .stream()
        .toList();
  }
}
