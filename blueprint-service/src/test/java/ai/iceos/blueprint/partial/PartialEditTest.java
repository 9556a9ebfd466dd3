package ai.iceos.blueprint.partial;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.blueprint.TestKafka;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

class PartialEditTest {
  private static final ArrayNode NODES =
      (ArrayNode) TestKafka.json("[{\"id\": \"a\", \"type\": \"tool\", \"tool_name\": \"echo\"}]");

  @Test
  void shouldAddUpdateAndRemoveNodes() {
    var added =
        (PartialEdit.Edited)
            PartialEdit.apply(
                NODES, TestKafka.json("{\"action\": \"add_node\", \"node\": {\"id\": \"b\"}}"));
    var updated =
        (PartialEdit.Edited)
            PartialEdit.apply(
                added.nodes(),
                TestKafka.json(
                    "{\"action\": \"update_node\", \"node_id\": \"a\","
                        + " \"updates\": {\"tool_name\": \"upper\"}}"));
    var removed =
        (PartialEdit.Edited)
            PartialEdit.apply(
                updated.nodes(),
                TestKafka.json("{\"action\": \"remove_node\", \"node_id\": \"b\"}"));

    assertThat(added.nodes().size()).isEqualTo(2);
    assertThat(updated.nodes().get(0).path("tool_name").asText()).isEqualTo("upper");
    assertThat(updated.nodes().get(0).path("type").asText()).isEqualTo("tool");
    assertThat(removed.nodes().size()).isEqualTo(1);
    assertThat(NODES.get(0).path("tool_name").asText()).as("input untouched").isEqualTo("echo");
  }

  @Test
  void shouldRefuseWhatCannotApply() {
    assertThat(refusal("{\"action\": \"add_node\", \"node\": {\"id\": \"a\"}}"))
        .isEqualTo("duplicate-id");
    assertThat(refusal("{\"action\": \"remove_node\", \"node_id\": \"x\"}"))
        .isEqualTo("unknown-node");
    assertThat(
            refusal(
                "{\"action\": \"update_node\", \"node_id\": \"a\", \"updates\": {\"id\": \"b\"}}"))
        .isEqualTo("immutable");
    assertThat(refusal("{\"action\": \"rename\"}")).isEqualTo("unknown-action");
  }

  private static String refusal(String edit) {
    return ((PartialEdit.Refused) PartialEdit.apply(NODES, TestKafka.json(edit)))
        .violation()
        .code();
  }
}
