package ai.iceos.compiler.validate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationLimitsTest {
  private final BlueprintValidator validator = new BlueprintValidator();

  @Test
  void shouldAnswerATenThousandNodeBlueprintWithOneClearProblem() {
    // given: 10,000 nodes, each also wrong in other ways (no tool_name)
    ObjectNode document = IceosJson.mapper().createObjectNode();
    ArrayNode nodes = document.putArray("nodes");
    for (int i = 0; i < 10_000; i++) {
      nodes.addObject().put("id", "n" + i).put("type", "tool");
    }

    // when
    List<Violation> violations = validator.validate(document, CompileContext.standalone());

    // then
    assertThat(violations).hasSize(1);
    assertThat(violations.getFirst().pointer()).isEqualTo("/nodes");
    assertThat(violations.getFirst().code()).isEqualTo(BlueprintValidator.TOO_MANY_NODES);
    assertThat(violations.getFirst().detail()).contains("more than 5000 nodes");
  }

  @Test
  void shouldCountNestedNodesAgainstTheLimit() {
    // given: 2 top-level nodes whose bodies hold 3 nodes, under a limit of 4
    BlueprintValidator small = new BlueprintValidator(new ValidationLimits(4, 8));
    ObjectNode document = IceosJson.mapper().createObjectNode();
    ArrayNode nodes = document.putArray("nodes");
    for (int i = 0; i < 2; i++) {
      ObjectNode loop =
          nodes.addObject().put("id", "l" + i).put("type", "loop").put("items_source", "inputs.x");
      ArrayNode body = loop.putArray("body");
      for (int j = 0; j < (i == 0 ? 1 : 2); j++) {
        body.addObject().put("id", "b" + i + j).put("type", "tool").put("tool_name", "echo");
      }
    }

    // when
    List<Violation> violations = small.validate(document, CompileContext.standalone());

    // then
    assertThat(violations).extracting(Violation::code).containsExactly("too-many-nodes");
  }
}
