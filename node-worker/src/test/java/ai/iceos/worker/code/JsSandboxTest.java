package ai.iceos.worker.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.worker.node.NodeFailureException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JsSandboxTest {
  private static final Duration TIME = Duration.ofSeconds(20);

  private final JsSandbox sandbox = new JsSandbox(1_000_000, 1_000);

  @Test
  void shouldReturnTheFunctionsObjectComputedFromCtx() {
    JsonNode output =
        sandbox.run(
            "return {sum: ctx.inputs.a + ctx.inputs.b, names: ctx.rows.map(r => r.name)};",
            json("{\"inputs\": {\"a\": 1, \"b\": 2}, \"rows\": [{\"name\": \"x\"}]}"),
            TIME);

    assertThat(output).isEqualTo(json("{\"sum\": 3, \"names\": [\"x\"]}"));
  }

  @Test
  void shouldWrapANonObjectResult() {
    assertThat(sandbox.run("return ctx.n * 2;", json("{\"n\": 4}"), TIME))
        .isEqualTo(json("{\"result\": 8}"));
    assertThat(sandbox.run("const x = 1;", json("{}"), TIME)).isEqualTo(json("{\"result\": null}"));
  }

  @Test
  void shouldGiveNoAccessToTheHostFilesOrNetwork() {
    assertThat(
            sandbox.run(
                "return [typeof require, typeof process, typeof Polyglot, typeof load,"
                    + " typeof fetch, typeof print];",
                json("{}"),
                TIME))
        .isEqualTo(
            json(
                "{\"result\": [\"undefined\", \"undefined\", \"undefined\", \"undefined\","
                    + " \"undefined\", \"undefined\"]}"));
    assertThatThrownBy(() -> sandbox.run("return Java.type('java.lang.System');", json("{}"), TIME))
        .satisfies(e -> assertThat(failure(e).type()).isEqualTo("code-error"));
    assertThatThrownBy(() -> sandbox.run("return java.lang.System.getenv();", json("{}"), TIME))
        .satisfies(e -> assertThat(failure(e).type()).isEqualTo("code-error"));
  }

  @Test
  void shouldStopARunawayLoopAtTheStatementLimit() {
    assertThatThrownBy(() -> sandbox.run("while (true) {}", json("{}"), TIME))
        .satisfies(
            e -> {
              assertThat(failure(e).type()).isEqualTo("code-limit");
              assertThat(failure(e).retryable()).isFalse();
            });
  }

  @Test
  void shouldStopAnAllocatingLoopAtTheAllocationLimit() {
    var smallMemory = new JsSandbox(Long.MAX_VALUE, 1_000, 64L << 20);
    String hog = "const kept = []; while (true) { kept.push('x'.repeat(1000) + kept.length); }";

    assertThatThrownBy(() -> smallMemory.run(hog, json("{}"), Duration.ofMinutes(2)))
        .satisfies(
            e ->
                assertThat(failure(e))
                    .isEqualTo(
                        Failure.permanent(
                            "code-limit", "Code allocated more than 67108864 bytes of memory")));
  }

  @Test
  void shouldStopALoopAtTheTimeLimit() {
    var unlimited = new JsSandbox(Long.MAX_VALUE, 1_000);

    assertThatThrownBy(() -> unlimited.run("while (true) {}", json("{}"), Duration.ofMillis(500)))
        .satisfies(
            e ->
                assertThat(failure(e))
                    .isEqualTo(Failure.retryable("timeout", "Code ran longer than 500 ms")));
  }

  @Test
  void shouldReportAThrownErrorAndAnOversizedOutputPermanently() {
    assertThatThrownBy(() -> sandbox.run("throw new Error('bad input');", json("{}"), TIME))
        .satisfies(
            e -> {
              assertThat(failure(e).type()).isEqualTo("code-error");
              assertThat(failure(e).message()).contains("bad input");
            });
    assertThatThrownBy(() -> sandbox.run("return 'x'.repeat(5000);", json("{}"), TIME))
        .satisfies(e -> assertThat(failure(e).type()).isEqualTo("code-limit"));
  }

  private static Failure failure(Throwable error) {
    assertThat(error).isInstanceOf(NodeFailureException.class);
    return ((NodeFailureException) error).failure();
  }

  private static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
