package ai.iceos.gateway.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A function offered to the model. {@code description} and {@code parameters} (a JSON Schema) are
 * null when the client did not send them.
 */
public record FunctionDefinition(String name, String description, JsonNode parameters) {
  public FunctionDefinition {
    Objects.requireNonNull(name, "name");
    parameters = parameters == null ? null : parameters.deepCopy();
  }
}
