package ai.iceos.worker.tool;

import static ai.iceos.worker.tool.ToolFixtures.attempt;
import static ai.iceos.worker.tool.ToolFixtures.await;
import static ai.iceos.worker.tool.ToolFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoToolTest {
  private final EchoTool tool = new EchoTool();

  @Test
  void shouldReturnItsArguments() {
    var args = json("{\"text\": \"hi\", \"n\": [1, {\"x\": null}]}");

    assertThat(await(tool.execute(args, attempt(1)))).isEqualTo(args);
  }

  @Test
  void shouldBeNamedEchoWithObjectSchemas() {
    assertThat(tool.name()).isEqualTo("echo");
    assertThat(tool.inputSchema().get("type").asText()).isEqualTo("object");
  }
}
