package ai.iceos.worker.tool;

import static ai.iceos.worker.tool.ToolFixtures.attempt;
import static ai.iceos.worker.tool.ToolFixtures.await;
import static ai.iceos.worker.tool.ToolFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConstantToolTest {
  private final ConstantTool tool = new ConstantTool();

  @Test
  void shouldReturnValueUnderValue() {
    assertThat(await(tool.execute(json("{\"value\": {\"a\": [1, 2]}}"), attempt(1))))
        .isEqualTo(json("{\"value\": {\"a\": [1, 2]}}"));
  }

  @Test
  void shouldReturnNullValueWhenAbsent() {
    assertThat(await(tool.execute(json("{}"), attempt(1)))).isEqualTo(json("{\"value\": null}"));
  }
}
