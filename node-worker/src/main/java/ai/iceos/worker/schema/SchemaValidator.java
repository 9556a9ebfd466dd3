package ai.iceos.worker.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON values against JSON Schema (draft 2020-12 unless the schema says otherwise).
 * Compiled schemas are cached by content, so a node's schema is compiled once per worker.
 */
public final class SchemaValidator {
  private static final int MAX_CACHED = 1_000;

  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<JsonNode, JsonSchema> compiled = new ConcurrentHashMap<>();

  /**
   * The same schema objects (a tool's own schemas) are validated against on every task: found by
   * identity first, without hashing and comparing the whole schema tree each time.
   */
  private final Map<JsonNode, JsonSchema> byIdentity =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  /**
   * The problems of {@code value} against {@code schema}, each as {@code <location>: <problem>}
   * with the location a dotted path without the {@code $.} root ({@code items[0].name: ...}), or
   * just {@code <problem>} at the root; empty when valid.
   */
  public List<String> validate(JsonNode schema, JsonNode value) {
    return compile(schema).validate(value).stream()
        .map(ValidationMessage::getMessage)
        .map(SchemaValidator::withoutRoot)
        .sorted()
        .toList();
  }

  private static String withoutRoot(String message) {
    if (message.startsWith("$.")) {
      return message.substring(2);
    }
    if (message.startsWith("$: ")) {
      return message.substring(3);
    }
    return message;
  }

  private JsonSchema compile(JsonNode schema) {
    JsonSchema known = byIdentity.get(schema);
    if (known != null) {
      return known;
    }
    JsonSchema cached = compiled.get(schema);
    if (cached != null) {
      if (byIdentity.size() < MAX_CACHED) {
        byIdentity.put(schema, cached);
      }
      return cached;
    }
    JsonSchema fresh = factory.getSchema(schema);
    if (compiled.size() < MAX_CACHED) {
      compiled.put(schema.deepCopy(), fresh);
    }
    return fresh;
  }
}
