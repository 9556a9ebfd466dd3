package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A {@code workflow} node through the whole system (SPEC §2.6, §2.11, decision 0114): the parent's
 * node starts a child execution of another stored blueprint, waits for it, and exposes its output;
 * the child is readable through the API with its parent.
 */
class WorkflowNodeSystemIT {
  private final IceosApi api = RunningSystem.api();

  @Test
  void shouldRunTheReferencedBlueprintAsAChildAndExposeItsOutput() {
    // given: a child blueprint that echoes its input, and a parent that runs it
    ObjectNode child = IceosJson.mapper().createObjectNode();
    ObjectNode fetch = child.putArray("nodes").addObject().put("id", "fetch");
    fetch.put("type", "tool").put("tool_name", "echo");
    fetch.putObject("tool_args").put("sku", "{{ inputs.sku }}");
    String childBlueprint = api.createCompiled(child);

    ObjectNode parent = IceosJson.mapper().createObjectNode();
    var nodes = parent.putArray("nodes");
    ObjectNode sub = nodes.addObject().put("id", "sub").put("type", "workflow");
    sub.put("workflow_ref", childBlueprint);
    sub.putObject("exposed_outputs").put("sku", "fetch.sku").put("gone", "fetch.nothing");
    sub.putObject("config_overrides").put("sku", "A-1");
    ObjectNode after = nodes.addObject().put("id", "after").put("type", "tool");
    after.put("tool_name", "echo").putArray("dependencies").add("sub");
    after.putObject("tool_args").put("got", "{{ sub.sku }}");
    String parentBlueprint = api.createCompiled(parent);

    // when
    JsonNode view =
        api.startExecution(parentBlueprint, IceosJson.mapper().createObjectNode(), 60)
            .expect(200)
            .json();

    // then
    assertThat(view.path("status").asText()).as(view.toPrettyString()).isEqualTo("completed");
    JsonNode exposed = view.path("nodes").path("sub").path("output");
    assertThat(exposed.path("sku").asText()).isEqualTo("A-1");
    assertThat(exposed.has("gone") && exposed.get("gone").isNull()).isTrue();
    assertThat(view.path("nodes").path("after").path("output").path("got").asText())
        .isEqualTo("A-1");

    // and the child execution (its id derived from parent, node and attempt) shows its parent
    String parentId = view.path("execution_id").asText();
    String childId =
        UUID.nameUUIDFromBytes(("child:" + parentId + ":sub:1").getBytes(StandardCharsets.UTF_8))
            .toString();
    JsonNode childView = api.execution(childId, 30).expect(200).json();
    assertThat(childView.path("status").asText()).isEqualTo("completed");
    assertThat(childView.path("parent_execution_id").asText()).isEqualTo(parentId);
    assertThat(childView.path("blueprint_id").asText()).isEqualTo(childBlueprint);
    assertThat(childView.path("result").path("output").path("fetch").path("sku").asText())
        .isEqualTo("A-1");
  }
}
