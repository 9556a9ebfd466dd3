package ai.iceos.worker.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** infra/new-tool, run into a scratch repository root. */
class NewToolScriptTest {
  private static final Path SCRIPT = Path.of("..", "infra", "new-tool").toAbsolutePath();
  private static final String TOOL_DIR = "node-worker/src/main/java/ai/iceos/worker/tool/";
  private static final String TEST_DIR = "node-worker/src/test/java/ai/iceos/worker/tool/";

  @Test
  void shouldCreateAToolAndItsTestFromASnakeCaseName(@TempDir Path root) throws Exception {
    Result result = run(root, "word_counter", "Counts words.");

    assertThat(result.exitCode()).isZero();
    String tool = Files.readString(root.resolve(TOOL_DIR + "WordCounterTool.java"));
    assertThat(tool)
        .contains("final class WordCounterTool implements Tool")
        .contains("return \"word_counter\";")
        .contains("return \"Counts words.\";")
        .contains("@Singleton");
    assertThat(Files.readString(root.resolve(TEST_DIR + "WordCounterToolTest.java")))
        .contains("class WordCounterToolTest")
        .contains("find(\"word_counter\")");
  }

  @Test
  void shouldRefuseABadNameAndAnExistingTool(@TempDir Path root) throws Exception {
    assertThat(run(root, "Word-Counter", "x").exitCode()).isEqualTo(2);
    assertThat(run(root, "echo_back", "x").exitCode()).isZero();

    Result again = run(root, "echo_back", "x");

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.output()).contains("exists already");
  }

  private static Result run(Path root, String name, String description)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", SCRIPT.toString(), name, description).redirectErrorStream(true);
    builder.environment().put("ICEOS_ROOT", root.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private record Result(int exitCode, String output) {}
}
