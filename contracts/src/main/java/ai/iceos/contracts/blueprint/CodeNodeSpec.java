package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A node that runs JavaScript in a sandbox (SPEC §2.6, §2.11): {@code code} is the body of a
 * function of {@code ctx}. Without {@code code}, the common {@code name} names a registered
 * snippet.
 *
 * @param code the function body, or null for a registered snippet
 * @param language {@code javascript} (default) or {@code python}, or null
 * @param imports modules the code may import; never null
 */
public record CodeNodeSpec(
    String id,
    String name,
    List<String> dependencies,
    Integer timeoutSeconds,
    Integer retries,
    Double backoffSeconds,
    RetryPolicy retryPolicy,
    JsonNode inputSchema,
    JsonNode outputSchema,
    Map<String, InputMapping> inputMappings,
    Map<String, String> outputMappings,
    Boolean useCache,
    JsonNode metadata,
    String provider,
    String code,
    String language,
    List<String> imports)
    implements NodeSpec {
  public CodeNodeSpec {
    dependencies = NodeFields.list(dependencies);
    inputMappings = NodeFields.map(inputMappings);
    outputMappings = NodeFields.map(outputMappings);
    imports = NodeFields.list(imports);
  }

  @Override
  public NodeType kind() {
    return NodeType.CODE;
  }
}
