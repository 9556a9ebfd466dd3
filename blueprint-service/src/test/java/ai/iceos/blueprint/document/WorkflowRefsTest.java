package ai.iceos.blueprint.document;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.blueprint.TestKafka;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkflowRefsTest {
  @Test
  void shouldFindReferencesInNestedNodesToo() {
    var document =
        TestKafka.json(
            """
            {"nodes": [{"id": "w", "type": "workflow", "workflow_ref": "one"},
                       {"id": "l", "type": "loop", "items_source": "x",
                        "body": [{"id": "n", "type": "workflow", "workflow_ref": "two@L"}]}]}
            """);

    assertThat(WorkflowRefs.in(document)).containsExactly("one", "two@L");
  }

  @Test
  void shouldParseAnIdAndAnOptionalLock() {
    UUID id = UUID.randomUUID();

    assertThat(WorkflowRefs.parse(id + "@abc")).contains(new WorkflowRefs.Ref(id, "abc"));
    assertThat(WorkflowRefs.parse(id.toString())).contains(new WorkflowRefs.Ref(id, null));
    assertThat(WorkflowRefs.parse("not-an-id")).isEmpty();
  }
}
