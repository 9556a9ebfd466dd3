package ai.iceos.blueprint.execution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of an execution.
 *
 * @param success null until the execution is terminal
 * @param error the failures, one line each ({@code Node <id> failed: <error>}); null on success
 * @param output node id → output of each node that produced one
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunResult(Boolean success, String error, Map<String, JsonNode> output) {
  public RunResult {
    output = output == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(output));
  }

  public static RunResult open() {
    return new RunResult(null, null, Map.of());
  }
}
