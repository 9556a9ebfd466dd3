package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.loop;
import static ai.iceos.scheduler.run.Plans.nestedTool;
import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.LoopNodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.contracts.plan.SubGraph;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RunTransitionsLoopTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static NodeTask task(RunDriver run, String nodeId) {
    return run.tasks.stream()
        .filter(t -> t.nodeId().equals(nodeId))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  /** A loop {@code fan} over {@code inputs.names} whose body is one node {@code greet}. */
  private static LoopNodeSpec greetNames(boolean parallel, Integer maxIterations) {
    return loop("fan", "inputs.names", List.of(nestedTool("greet")), parallel, maxIterations, null);
  }

  private static ExecutionPlan csvLoop(boolean parallel, int maxParallel) {
    return plan()
        .tool("load")
        .node(
            loop(
                "rows_loop",
                "load.rows",
                List.of(nestedTool("draft"), nestedTool("check", "draft")),
                parallel,
                null,
                "row",
                "load"))
        .tool("report", "rows_loop")
        .maxParallel(maxParallel)
        .eager()
        .build();
  }

  @Test
  void shouldRunTheBodyOncePerItemInOrderAndOutputTheLastBodyNodesResults() {
    RunDriver run = RunDriver.start(csvLoop(false, 5));
    run.complete("load", json("{\"rows\":[\"a\",\"b\"]}"));

    assertThat(run.taskIds()).containsExactly("exec-1:load:1", "exec-1:rows_loop[0].draft:1");
    JsonNode scope = task(run, "rows_loop[0].draft").scope();
    assertThat(scope.get("row").asText()).isEqualTo("a");
    assertThat(scope.get("loop_index").asInt()).isZero();
    assertThat(scope.get("loop_items").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(scope.get("load").toString()).isEqualTo("{\"rows\":[\"a\",\"b\"]}");
    assertThat(scope.get("inputs").get("topic").asText()).isEqualTo("ice");
    assertThat(task(run, "rows_loop[0].draft").node().id()).isEqualTo("draft");

    run.complete("rows_loop[0].draft", RunDriver.output("d0"));
    assertThat(task(run, "rows_loop[0].check").scope().get("draft").toString())
        .isEqualTo("{\"value\":\"d0\"}");
    run.complete("rows_loop[0].check", RunDriver.output("c0"));
    assertThat(task(run, "rows_loop[1].draft").scope().get("row").asText()).isEqualTo("b");
    assertThat(task(run, "rows_loop[1].draft").scope().has("draft")).isFalse();
    run.complete("rows_loop[1].draft", RunDriver.output("d1"));
    run.complete("rows_loop[1].check", RunDriver.output("c1"));

    assertThat(run.status("rows_loop")).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(run.state.node("rows_loop").output().toString())
        .isEqualTo("[{\"value\":\"c0\"},{\"value\":\"c1\"}]");
    assertThat(task(run, "report").scope().get("rows_loop").toString())
        .isEqualTo("[{\"value\":\"c0\"},{\"value\":\"c1\"}]");
    assertThat(run.eventNames())
        .containsSubsequence(
            "node.completed:load",
            "node.queued:rows_loop",
            "node.started:rows_loop",
            "node.queued:rows_loop[0].draft",
            "node.completed:rows_loop[0].draft",
            "node.queued:rows_loop[0].check",
            "node.completed:rows_loop[0].check",
            "node.queued:rows_loop[1].draft",
            "node.completed:rows_loop[1].check",
            "node.completed:rows_loop",
            "node.queued:report");
    RunEvent queued =
        run.events.stream()
            .filter(e -> "rows_loop[1].draft".equals(e.nodeId()))
            .findFirst()
            .orElseThrow();
    assertThat(queued.data().get("parent").asText()).isEqualTo("rows_loop");
    RunEvent loopStarted =
        run.events.stream()
            .filter(e -> e.eventType() == RunEventType.NODE_STARTED)
            .findFirst()
            .orElseThrow();
    assertThat(loopStarted.nodeId()).isEqualTo("rows_loop");
    assertThat(loopStarted.data().get("worker_id").asText()).isEqualTo("scheduler");

    run.complete("report");
    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.last(RunEventType.WORKFLOW_COMPLETED).data().get("output").has("rows_loop"))
        .isTrue();
    assertThat(run.last(RunEventType.WORKFLOW_COMPLETED).data().get("output").has("draft"))
        .isFalse();
    assertThat(run.events)
        .extracting(RunEvent::sequence)
        .containsExactly(LongStream.rangeClosed(1, run.events.size()).boxed().toArray(Long[]::new));
  }

  @Test
  void shouldFanAParallelLoopOutAsTasksBoundedByMaxParallel() {
    RunDriver run =
        RunDriver.start(
            plan()
                .node(
                    loop(
                        "fan",
                        "{{ inputs.names }}",
                        List.of(nestedTool("greet")),
                        true,
                        null,
                        null))
                .maxParallel(2)
                .build(),
            json("{\"names\":[\"x\",\"y\",\"z\"]}"));

    assertThat(run.taskIds()).containsExactly("exec-1:fan[0].greet:1", "exec-1:fan[1].greet:1");
    assertThat(task(run, "fan[1].greet").scope().get("item").asText()).isEqualTo("y");

    run.complete("fan[1].greet", RunDriver.output("Y"));
    assertThat(run.taskIds()).endsWith("exec-1:fan[2].greet:1");
    run.complete("fan[2].greet", RunDriver.output("Z"));
    run.complete("fan[0].greet", RunDriver.output("X"));

    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run.state.node("fan").output().toString())
        .isEqualTo("[{\"value\":\"X\"},{\"value\":\"Y\"},{\"value\":\"Z\"}]");
  }

  @Test
  void shouldStopAtMaxIterations() {
    RunDriver run =
        RunDriver.start(
            plan().node(greetNames(true, 2)).build(), json("{\"names\":[\"x\",\"y\",\"z\"]}"));

    assertThat(run.taskIds()).containsExactly("exec-1:fan[0].greet:1", "exec-1:fan[1].greet:1");
    assertThat(task(run, "fan[0].greet").scope().get("loop_items").size()).isEqualTo(2);
  }

  @Test
  void shouldCompleteALoopOverAnEmptyListAtOnceAndRunItsDependents() {
    RunDriver run =
        RunDriver.start(
            plan().node(greetNames(false, null)).tool("after", "fan").build(),
            json("{\"names\":[]}"));

    assertThat(run.state.node("fan").output().toString()).isEqualTo("[]");
    assertThat(run.taskIds()).containsExactly("exec-1:after:1");
  }

  @Test
  void shouldFailTheLoopWhenABodyNodeFailsAndSkipItsDependentsInTheIteration() {
    RunDriver run = RunDriver.start(csvLoop(true, 5));
    run.complete("load", json("{\"rows\":[1,2]}"));
    run.fail("rows_loop[1].draft", Failure.permanent("tool-error", "boom"));

    assertThat(run.status("rows_loop[1].check")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.status("rows_loop")).isEqualTo(NodeStatus.RUNNING);
    run.complete("rows_loop[0].draft");
    run.complete("rows_loop[0].check");

    assertThat(run.status("rows_loop")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.node("rows_loop").failure().message())
        .isEqualTo("Node 'draft' failed in iteration 1: boom");
    assertThat(run.status("report")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.last(RunEventType.WORKFLOW_FAILED).data().get("errors").toString())
        .isEqualTo("[\"Node rows_loop failed: Node 'draft' failed in iteration 1: boom\"]");
  }

  @Test
  void shouldNotStartFurtherIterationsOfASequentialLoopAfterAFailure() {
    RunDriver run = RunDriver.start(csvLoop(false, 5));
    run.complete("load", json("{\"rows\":[1,2,3]}"));
    run.fail("rows_loop[0].draft", Failure.permanent("tool-error", "boom"));

    assertThat(run.status("rows_loop")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.taskIds()).noneMatch(id -> id.contains("rows_loop[1]"));
  }

  @Test
  void shouldRetryABodyNodeAndHaltNestedNodesUnderHaltOnFirstError() {
    ExecutionPlan plan =
        plan()
            .node(greetNames(true, null))
            .policy(FailurePolicy.HALT_ON_FIRST_ERROR)
            .maxParallel(1)
            .build();
    RunDriver run = RunDriver.start(plan, json("{\"names\":[\"x\",\"y\"]}"));
    run.fail("fan[0].greet", Failure.permanent("tool-error", "boom"));

    assertThat(run.status("fan[1].greet")).isEqualTo(NodeStatus.SKIPPED);
    assertThat(run.state.node("fan[1].greet").skipReason()).isEqualTo("halted");
    assertThat(run.status("fan")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void shouldFailTheLoopWhenItemsSourceIsNotAList() {
    RunDriver run =
        RunDriver.start(plan().node(greetNames(false, null)).build(), json("{\"names\":\"x\"}"));

    assertThat(run.status("fan")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.node("fan").failure().message())
        .isEqualTo("items_source 'inputs.names' must resolve to a list, got string");
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void shouldFailTheLoopWhenItemsSourceNamesSomethingUndefined() {
    RunDriver run =
        RunDriver.start(
            plan()
                .node(
                    loop(
                        "fan",
                        "{{ nowhere.rows }}",
                        List.of(nestedTool("greet")),
                        false,
                        null,
                        null))
                .build());

    assertThat(run.state.node("fan").failure().message())
        .isEqualTo("Template error in items_source: 'nowhere' is undefined");
  }

  @Test
  void shouldUseTheCompiledBodyWhenThePlanHasIt() {
    ExecutionPlan built = plan().node(greetNames(false, null)).build();
    PlannedNode loopNode = built.nodes().getFirst();
    PlannedNode greet =
        new PlannedNode(
            nestedTool("greet"),
            0,
            5_000,
            new RetryPolicy(2, ai.iceos.contracts.blueprint.BackoffStrategy.FIXED, 0),
            true);
    PlannedNode compiled =
        new PlannedNode(
            loopNode.spec(),
            0,
            30_000,
            loopNode.retry(),
            true,
            List.of(new SubGraph("body", List.of(greet), List.of(List.of("greet")))));
    ExecutionPlan plan =
        new ExecutionPlan(
            built.planVersion(),
            built.contentHash(),
            built.levels(),
            List.of(compiled),
            built.failurePolicy(),
            built.scheduling(),
            built.maxParallel(),
            null,
            null,
            null);
    RunDriver run = RunDriver.start(plan, json("{\"names\":[\"x\"]}"));

    assertThat(task(run, "fan[0].greet").timeoutMs()).isEqualTo(5_000);
    run.fail("fan[0].greet", Failure.retryable("tool-error", "flaky"));
    assertThat(run.eventNames()).contains("node.retrying:fan[0].greet");
    assertThat(run.taskIds()).endsWith("exec-1:fan[0].greet:2");
    run.complete("fan[0].greet", RunDriver.output("ok"));
    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void shouldLetABodyNodeDependOnANodeOutsideTheLoop() {
    RunDriver run =
        RunDriver.start(
            plan()
                .tool("load")
                .node(
                    loop(
                        "fan",
                        "load.rows",
                        List.of(nestedTool("use", "load"), nestedTool("next", "use")),
                        false,
                        null,
                        null,
                        "load"))
                .build());
    run.complete("load", json("{\"rows\":[1]}"));

    assertThat(task(run, "fan[0].use").scope().get("load").toString()).isEqualTo("{\"rows\":[1]}");
    run.complete("fan[0].use");
    run.complete("fan[0].next");
    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void shouldCancelNestedNodesWithTheRun() {
    RunDriver run = RunDriver.start(csvLoop(true, 5));
    run.complete("load", json("{\"rows\":[1]}"));
    run.cancel();

    assertThat(run.status("rows_loop")).isEqualTo(NodeStatus.CANCELLED);
    assertThat(run.status("rows_loop[0].draft")).isEqualTo(NodeStatus.CANCELLED);
    assertThat(run.complete("rows_loop[0].draft").changed()).isFalse();
  }
}
