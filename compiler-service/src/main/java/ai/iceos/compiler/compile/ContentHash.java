package ai.iceos.compiler.compile;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code sha256:<hex>} of a document's canonical form: object keys sorted (by UTF-16 code units, as
 * in RFC 8785), no whitespace, numbers as parsed. Documents that differ only in key order or
 * formatting hash alike.
 */
final class ContentHash {
  private ContentHash() {}

  static String of(JsonNode document) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return "sha256:" + HexFormat.of().formatHex(sha256.digest(canonical(document)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static byte[] canonical(JsonNode document) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator generator = IceosJson.mapper().createGenerator(bytes)) {
      write(document, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void write(JsonNode node, JsonGenerator out) throws IOException {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new HashMap<>();
      node.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
      List<String> names = new ArrayList<>(fields.keySet());
      names.sort(null);
      out.writeStartObject();
      for (String name : names) {
        out.writeFieldName(name);
        write(fields.get(name), out);
      }
      out.writeEndObject();
    } else if (node.isArray()) {
      out.writeStartArray();
      for (JsonNode element : node) {
        write(element, out);
      }
      out.writeEndArray();
    } else {
      out.writeTree(node);
    }
  }
}
