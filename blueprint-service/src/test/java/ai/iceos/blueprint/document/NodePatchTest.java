package ai.iceos.blueprint.document;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.blueprint.TestKafka;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class NodePatchTest {
  private static final JsonNode DOCUMENT =
      TestKafka.json(
          """
          {"metadata": {"draft_name": "x"},
           "nodes": [{"id": "a", "type": "tool", "tool_name": "echo"},
                     {"id": "b", "type": "tool", "tool_name": "echo", "dependencies": ["a"]}]}
          """);

  @Test
  void shouldReplaceAppendAndDeleteNodesById() {
    JsonNode patch =
        TestKafka.json(
            """
            {"nodes": [{"id": "a", "type": "tool", "tool_name": "upper"},
                       {"id": "b", "type": "__delete__"},
                       {"id": "c", "type": "tool", "tool_name": "echo"}]}
            """);

    NodePatch.Result result = NodePatch.apply(DOCUMENT, patch);

    assertThat(result).isInstanceOf(NodePatch.Patched.class);
    JsonNode nodes = ((NodePatch.Patched) result).document().path("nodes");
    assertThat(nodes.size()).isEqualTo(2);
    assertThat(nodes.get(0).path("tool_name").asText()).isEqualTo("upper");
    assertThat(nodes.get(1).path("id").asText()).isEqualTo("c");
    assertThat(DOCUMENT.path("nodes").size()).as("the original is untouched").isEqualTo(2);
  }

  @Test
  void shouldReportEveryProblemWithAPointerIntoThePatch() {
    JsonNode patch =
        TestKafka.json(
            """
            {"name": "x", "nodes": [{"type": "tool"}, {"id": "zz", "type": "__delete__"}]}
            """);

    NodePatch.Result result = NodePatch.apply(DOCUMENT, patch);

    assertThat(((NodePatch.Unpatchable) result).violations())
        .extracting(Violation::pointer, Violation::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/name", "unknown-field"),
            org.assertj.core.groups.Tuple.tuple("/nodes/0/id", "missing-id"),
            org.assertj.core.groups.Tuple.tuple("/nodes/1/id", "unknown-node"));
  }

  @Test
  void shouldDemandANodesArray() {
    NodePatch.Result result = NodePatch.apply(DOCUMENT, TestKafka.json("{\"nodes\": {}}"));

    assertThat(((NodePatch.Unpatchable) result).violations())
        .extracting(Violation::pointer)
        .containsExactly("/nodes");
  }
}
