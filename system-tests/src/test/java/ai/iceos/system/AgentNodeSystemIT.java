package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * An agent node through the whole system: the worker offers the node's declared tools to the
 * offline provider behind llm-gateway, runs the tool the model calls, and returns the model's final
 * answer (SPEC §2.6, §5).
 */
class AgentNodeSystemIT {
  private final IceosApi api = RunningSystem.api();

  @Test
  void shouldRunTheToolTheModelCallsAndReturnItsFinalAnswer() {
    // given
    ObjectNode blueprint = IceosJson.mapper().createObjectNode();
    ObjectNode agent = blueprint.putArray("nodes").addObject().put("id", "helper");
    agent.put("type", "agent").put("model", "gpt-4o").put("instructions", "Use echo.");
    agent.putArray("tools").add("echo");
    String blueprintId = api.createCompiled(blueprint);

    // when
    JsonNode view =
        api.startExecution(blueprintId, IceosJson.mapper().createObjectNode(), 60)
            .expect(200)
            .json();

    // then
    assertThat(view.path("status").asText()).as(view.toPrettyString()).isEqualTo("completed");
    JsonNode output = view.path("nodes").path("helper").path("output");
    assertThat(output.path("tool_calls").get(0).path("tool").asText()).isEqualTo("echo");
    assertThat(output.path("message").asText()).startsWith("ECHO::");
    assertThat(output.path("iterations").asInt()).isEqualTo(2);
  }
}
