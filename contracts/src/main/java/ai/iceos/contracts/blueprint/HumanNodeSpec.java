package ai.iceos.contracts.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A node that waits for a person's decision through the API (SPEC §2.6, §2.11). Its common {@code
 * timeoutSeconds} is how long it waits; the 30 s default does not apply.
 *
 * @param promptMessage what the person is asked
 * @param approvalType kind of decision, or null for {@code approve_reject}
 * @param choices options of a {@code choice} decision; never null
 * @param autoApproveAfter seconds after which it approves itself, or null
 * @param escalationPath who is asked next, free-form, or null
 */
public record HumanNodeSpec(
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
    String promptMessage,
    ApprovalType approvalType,
    List<String> choices,
    Integer autoApproveAfter,
    JsonNode escalationPath)
    implements NodeSpec {
  public HumanNodeSpec {
    dependencies = NodeFields.list(dependencies);
    inputMappings = NodeFields.map(inputMappings);
    outputMappings = NodeFields.map(outputMappings);
    choices = NodeFields.list(choices);
    escalationPath = NodeFields.copy(escalationPath);
  }

  @Override
  public NodeType kind() {
    return NodeType.HUMAN;
  }
}
