package ai.iceos.contracts.blueprint;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The public JSON Schema (draft 2020-12) of a blueprint (SPEC §1), hand-written and the source of
 * truth for the format: blueprint-service serves it, compiler-service applies the same rules (and
 * the ones a schema cannot express) with pointers into the submitted document.
 *
 * <p>Its {@code $defs} hold one entry per node type, named {@code <wire name>_node} ({@code
 * tool_node}, {@code llm_node}…), so that each type's schema can be served on its own. The schema
 * changes only additively within one {@code schema_version}.
 */
public final class BlueprintSchema {
  /** Classpath location of the schema. */
  public static final String RESOURCE = "/ai/iceos/contracts/blueprint.schema.json";

  private static final String TEXT = load();
  private static final JsonNode DOCUMENT = parse(TEXT);

  private BlueprintSchema() {}

  /** The schema as written (UTF-8 JSON), for serving byte for byte. */
  public static String text() {
    return TEXT;
  }

  /** The schema as a tree; a fresh copy on every call, so callers cannot change the original. */
  public static JsonNode document() {
    return DOCUMENT.deepCopy();
  }

  /**
   * A self-contained schema for one node type: its root refers to {@code #/$defs/<type>_node} and
   * it carries every {@code $defs} entry, so nested nodes (paths, bodies, branches) still resolve.
   *
   * @param wireName a node type's wire name ({@code tool}, {@code loop}…)
   * @return empty when {@code wireName} is not a node type (aliases such as {@code ai} are not)
   */
  public static Optional<JsonNode> forNodeType(String wireName) {
    if (wireName == null || NodeType.fromWireName(wireName).isEmpty()) {
      return Optional.empty();
    }
    String def = wireName + "_node";
    JsonNode defs = DOCUMENT.get("$defs");
    if (!defs.has(def)) {
      return Optional.empty();
    }
    ObjectNode schema = IceosJson.mapper().createObjectNode();
    schema.put("$schema", DOCUMENT.get("$schema").asText());
    schema.put(
        "$id", DOCUMENT.get("$id").asText().replace(".json", "/nodes/" + wireName + ".json"));
    schema.put("title", "iceOS " + wireName + " node");
    schema.put("$ref", "#/$defs/" + def);
    schema.set("$defs", defs.deepCopy());
    return Optional.of(schema);
  }

  private static String load() {
    try (InputStream in = BlueprintSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the contracts jar has no " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("the blueprint schema is not JSON", e);
    }
  }
}
