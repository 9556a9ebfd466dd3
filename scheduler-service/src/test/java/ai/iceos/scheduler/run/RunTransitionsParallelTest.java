package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.nestedTool;
import static ai.iceos.scheduler.run.Plans.parallel;
import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.WaitStrategy;
import ai.iceos.contracts.messaging.Failure;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTransitionsParallelTest {

  private static RunDriver fan(Integer maxConcurrency, WaitStrategy strategy) {
    return RunDriver.start(
        plan()
            .node(
                parallel(
                    "fan",
                    List.of(
                        List.of(nestedTool("a1"), nestedTool("a2", "a1")),
                        List.of(nestedTool("b1")),
                        List.of(nestedTool("c1"))),
                    maxConcurrency,
                    strategy))
            .tool("after", "fan")
            .build());
  }

  @Test
  void shouldRunEveryBranchAndMergeTheirOutputsUnderAll() {
    RunDriver run = fan(null, null);

    assertThat(run.taskIds()).containsExactly("exec-1:a1:1", "exec-1:b1:1", "exec-1:c1:1");
    assertThat(run.tasks.get(1).scope().get("branch_index").asInt()).isEqualTo(1);
    run.complete("a1", RunDriver.output("A1"));
    run.complete("b1", RunDriver.output("B"));
    run.complete("c1", RunDriver.output("C"));
    run.complete("a2", RunDriver.output("A2"));

    assertThat(run.state.node("fan").output().toString())
        .isEqualTo(
            "{\"branch_results\":[{\"a1\":{\"value\":\"A1\"},\"a2\":{\"value\":\"A2\"}},"
                + "{\"b1\":{\"value\":\"B\"}},{\"c1\":{\"value\":\"C\"}}],"
                + "\"completed_branches\":[0,1,2],\"strategy\":\"all\","
                + "\"merged\":{\"a1\":{\"value\":\"A1\"},\"a2\":{\"value\":\"A2\"},"
                + "\"b1\":{\"value\":\"B\"},\"c1\":{\"value\":\"C\"}}}");
    assertThat(run.taskIds()).endsWith("exec-1:after:1");
  }

  @Test
  void shouldBoundRunningBranchesByMaxConcurrency() {
    RunDriver run = fan(1, WaitStrategy.ALL);

    assertThat(run.taskIds()).containsExactly("exec-1:a1:1");
    run.complete("a1");
    assertThat(run.taskIds()).containsExactly("exec-1:a1:1", "exec-1:a2:1");
    run.complete("a2");
    assertThat(run.taskIds()).endsWith("exec-1:b1:1");
  }

  @Test
  void shouldFailUnderAllWhenABranchFails() {
    RunDriver run = fan(null, WaitStrategy.ALL);
    run.fail("b1", Failure.permanent("tool-error", "no"));
    run.complete("c1");
    run.complete("a1");
    run.complete("a2");

    assertThat(run.status("fan")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.node("fan").failure().message()).isEqualTo("Node 'b1' failed: no");
  }

  @Test
  void shouldSucceedUnderAnyWhenOneBranchSucceeds() {
    RunDriver run = fan(null, WaitStrategy.ANY);
    run.fail("b1", Failure.permanent("tool-error", "no"));
    run.fail("c1", Failure.permanent("tool-error", "no"));
    run.complete("a1");
    run.complete("a2");

    assertThat(run.status("fan")).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(run.state.node("fan").output().get("completed_branches").toString())
        .isEqualTo("[0]");
  }

  @Test
  void shouldLetTheFirstFinishedBranchDecideUnderRace() {
    RunDriver run = fan(null, WaitStrategy.RACE);
    run.complete("c1", RunDriver.output("C"));

    assertThat(run.status("fan")).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(run.state.node("fan").output().get("merged").toString())
        .isEqualTo("{\"c1\":{\"value\":\"C\"}}");
    assertThat(run.status("a1")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.status("a2")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.cancellations).extracting(c -> c.nodeId()).containsExactly("a1", "b1");
    assertThat(run.complete("b1").changed()).isFalse();
    assertThat(run.taskIds()).endsWith("exec-1:after:1");
  }
}
