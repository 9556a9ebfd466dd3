package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.BackoffStrategy;
import ai.iceos.contracts.blueprint.Limits;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.WaitStrategy;
import ai.iceos.contracts.blueprint.WorkflowNodeSpec;
import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PinnedPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunTransitionsWorkflowTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
  private static final String PARENT = "parent-1";
  private static final String REF = "child-bp@v1";

  static WorkflowNodeSpec workflow(
      String id, String ref, Map<String, String> exposed, JsonNode overrides, String... deps) {
    return new WorkflowNodeSpec(
        id,
        null,
        List.of(deps),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        ref,
        exposed,
        overrides);
  }

  private static ExecutionPlan childPlan() {
    return plan().tool("fetch").tool("shape", "fetch").build();
  }

  private static StartRun start(ExecutionPlan plan, int depth, Map<String, PinnedPlan> workflows) {
    return new StartRun(
        UUID.randomUUID(),
        PARENT,
        "org-1",
        "parent-bp",
        "p1",
        plan,
        JSON.objectNode().put("topic", "ice"),
        RunOptions.defaults(),
        null,
        null,
        depth,
        workflows,
        NOW);
  }

  private static Map<String, PinnedPlan> workflows() {
    return Map.of(REF, new PinnedPlan("child-bp", "v1", childPlan()));
  }

  private static ExecutionPlan parentPlan(NodeSpec sub) {
    return plan().node(sub).tool("after", sub.id()).build();
  }

  @Test
  void shouldStartAChildExecutionAndWaitForIt() {
    NodeSpec sub = workflow("sub", REF, Map.of(), JSON.objectNode().put("mode", "fast"));
    Transition started = RunTransitions.start(start(parentPlan(sub), 0, workflows()), NOW);

    assertThat(started.tasks()).isEmpty();
    assertThat(started.state().node("sub").status()).isEqualTo(NodeStatus.RUNNING);
    StartRun child = (StartRun) started.commands().getFirst();
    assertThat(child.executionId()).isEqualTo(WorkflowNodes.childId(PARENT, "sub", 1));
    assertThat(child.parentExecutionId()).isEqualTo(PARENT);
    assertThat(child.parentNodeId()).isEqualTo("sub");
    assertThat(child.depth()).isEqualTo(1);
    assertThat(child.orgId()).isEqualTo("org-1");
    assertThat(child.blueprintId()).isEqualTo("child-bp");
    assertThat(child.plan()).isEqualTo(childPlan());
    assertThat(child.inputs().toString()).isEqualTo("{\"topic\":\"ice\",\"mode\":\"fast\"}");
    assertThat(child.workflows()).containsKey(REF);
    var nodeStarted =
        started.events().stream()
            .filter(e -> e.eventType() == RunEventType.NODE_STARTED)
            .findFirst()
            .orElseThrow();
    assertThat(nodeStarted.data().get("child_execution_id").asText())
        .isEqualTo(child.executionId());
    assertThat(nodeStarted.data().get("worker_id").asText()).isEqualTo("scheduler");
  }

  @Test
  void shouldCompleteTheNodeWithTheChildsExposedOutputsWhenTheChildCompletes() {
    NodeSpec sub =
        workflow("sub", REF, Map.of("price", "shape.value", "missing", "nope.deeper"), null);
    Transition parent = RunTransitions.start(start(parentPlan(sub), 0, workflows()), NOW);
    StartRun childStart = (StartRun) parent.commands().getFirst();

    NodeOutcome report = runChildToTheEnd(childStart, null);

    assertThat(report.executionId()).isEqualTo(PARENT);
    assertThat(report.nodeId()).isEqualTo("sub");
    Transition applied = RunTransitions.apply(parent.state(), report, NOW);
    NodeState node = applied.state().node("sub");
    assertThat(node.status()).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(node.output())
        .isEqualTo(JSON.objectNode().put("price", "done-shape").putNull("missing"));
    assertThat(applied.tasks()).extracting(NodeTask::nodeId).containsExactly("after");
    assertThat(RunTransitions.apply(applied.state(), report, NOW).changed()).isFalse();
  }

  @Test
  void shouldUseTheChildsWholeResultOutputWithoutExposedOutputs() {
    NodeSpec sub = workflow("sub", REF, Map.of(), null);
    Transition parent = RunTransitions.start(start(parentPlan(sub), 0, workflows()), NOW);

    NodeOutcome report = runChildToTheEnd((StartRun) parent.commands().getFirst(), null);
    Transition applied = RunTransitions.apply(parent.state(), report, NOW);

    assertThat(applied.state().node("sub").output().toString())
        .isEqualTo("{\"fetch\":{\"value\":\"done-fetch\"},\"shape\":{\"value\":\"done-shape\"}}");
  }

  @Test
  void shouldFailTheNodeWhenTheChildFails() {
    NodeSpec sub = workflow("sub", REF, Map.of(), null);
    Transition parent = RunTransitions.start(start(parentPlan(sub), 0, workflows()), NOW);
    StartRun childStart = (StartRun) parent.commands().getFirst();

    NodeOutcome report = runChildToTheEnd(childStart, Failure.permanent("tool-error", "boom"));
    Transition applied = RunTransitions.apply(parent.state(), report, NOW);

    NodeState node = applied.state().node("sub");
    assertThat(node.status()).isEqualTo(NodeStatus.FAILED);
    assertThat(node.failure().type()).isEqualTo(WorkflowNodes.CHILD_FAILED);
    assertThat(node.failure().message())
        .isEqualTo(
            "Workflow execution " + childStart.executionId() + " failed: Node fetch failed: boom");
    assertThat(applied.state().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void shouldStartANewChildOnRetryAndIgnoreTheFormerChildsLateReport() {
    NodeSpec sub = workflow("sub", REF, Map.of(), null);
    ExecutionPlan plan =
        plan().node(sub).retry("sub", new RetryPolicy(2, BackoffStrategy.FIXED, 0.0)).build();
    Transition parent = RunTransitions.start(start(plan, 0, workflows()), NOW);
    StartRun first = (StartRun) parent.commands().getFirst();

    Transition retried =
        RunTransitions.apply(
            parent.state(), runChildToTheEnd(first, Failure.permanent("tool-error", "boom")), NOW);

    assertThat(retried.state().node("sub").attempt()).isEqualTo(2);
    StartRun second = (StartRun) retried.commands().getFirst();
    assertThat(second.executionId())
        .isEqualTo(WorkflowNodes.childId(PARENT, "sub", 2))
        .isNotEqualTo(first.executionId());
    NodeOutcome lateReport = runChildToTheEnd(first, null);
    assertThat(RunTransitions.apply(retried.state(), lateReport, NOW).changed()).isFalse();
  }

  @Test
  void shouldFailTheNodeBeyondTheDepthLimitWithoutStartingAChild() {
    NodeSpec sub = workflow("sub", REF, Map.of(), null);
    Transition started =
        RunTransitions.start(start(parentPlan(sub), StartRun.MAX_DEPTH, workflows()), NOW);

    assertThat(started.commands()).isEmpty();
    NodeState node = started.state().node("sub");
    assertThat(node.status()).isEqualTo(NodeStatus.FAILED);
    assertThat(node.failure().type()).isEqualTo(WorkflowNodes.DEPTH_EXCEEDED);
    assertThat(node.failure().message())
        .isEqualTo(
            "Workflow nesting too deep: this execution is at depth 10 and child executions nest"
                + " at most 10 deep");
  }

  @Test
  void shouldFailTheNodeWhenItsReferenceWasNotResolved() {
    NodeSpec sub = workflow("sub", "other-bp", Map.of(), null);
    Transition started = RunTransitions.start(start(parentPlan(sub), 0, workflows()), NOW);

    assertThat(started.commands()).isEmpty();
    assertThat(started.state().node("sub").failure().message())
        .isEqualTo("Workflow 'other-bp' was not resolved when the execution started");
  }

  @Test
  void shouldCountWorkflowExecutionsAgainstTheirLimit() {
    ExecutionPlan plan =
        plan()
            .node(workflow("a", REF, Map.of(), null))
            .node(workflow("b", REF, Map.of(), null))
            .limits(new Limits(null, null, null, null, null, null, null, 1, null))
            .build();

    Transition started = RunTransitions.start(start(plan, 0, workflows()), NOW);

    assertThat(started.commands()).hasSize(1);
    assertThat(started.state().node("b").failure().message())
        .isEqualTo("Workflow execution budget exceeded (max=1, current=2)");
  }

  @Test
  void shouldCancelTheChildWhenTheParentIsCancelled() {
    NodeSpec sub = workflow("sub", REF, Map.of(), null);
    Transition parent = RunTransitions.start(start(parentPlan(sub), 0, workflows()), NOW);

    Transition cancelled =
        RunTransitions.cancel(
            parent.state(), new CancelRun(UUID.randomUUID(), PARENT, "user", NOW), NOW);

    assertThat(cancelled.commands())
        .singleElement()
        .isInstanceOfSatisfying(
            CancelRun.class,
            c -> assertThat(c.executionId()).isEqualTo(WorkflowNodes.childId(PARENT, "sub", 1)));
  }

  @Test
  void shouldReportACancelledChildAsAFailureAndMarkItsStartWithItsParent() {
    StartRun child =
        new StartRun(
            UUID.randomUUID(),
            "child-1",
            "org-1",
            "child-bp",
            "v1",
            childPlan(),
            null,
            null,
            PARENT,
            "sub",
            1,
            Map.of(),
            NOW);
    Transition started = RunTransitions.start(child, NOW);
    JsonNode data = started.events().getFirst().data();
    assertThat(data.get("parent_execution_id").asText()).isEqualTo(PARENT);
    assertThat(data.get("parent_node_id").asText()).isEqualTo("sub");
    assertThat(data.get("depth").asInt()).isEqualTo(1);
    assertThat(data.get("org_id").asText()).isEqualTo("org-1");

    Transition cancelled =
        RunTransitions.cancel(
            started.state(), new CancelRun(UUID.randomUUID(), "child-1", "user", NOW), NOW);

    NodeFailed report = (NodeFailed) cancelled.outcomes().getFirst();
    assertThat(report.taskId()).isEqualTo("child-1");
    assertThat(report.attempt()).isZero();
    assertThat(report.failure().retryable()).isFalse();
    assertThat(report.failure().message())
        .isEqualTo("Workflow execution child-1 was cancelled: user");
  }

  @Test
  void shouldRenderConfigOverridesInTheNodesScopeBeforeMergingThemIntoTheChildsInputs() {
    ObjectNode overrides =
        JSON.objectNode()
            .put("mode", "{{ inputs.topic }}-fast")
            .put("price", "{{ prep.value }}")
            .put("topic", "{{ topic | upper }}")
            .put("literal", "as is");
    NodeSpec sub = workflow("sub", REF, Map.of(), overrides, "prep");
    Transition started =
        RunTransitions.start(start(plan().tool("prep").node(sub).build(), 0, workflows()), NOW);

    Transition prepared =
        RunTransitions.apply(
            started.state(),
            completedWith(started.tasks().getFirst(), JSON.objectNode().put("value", 12)),
            NOW);

    StartRun child = (StartRun) prepared.commands().getFirst();
    assertThat(child.inputs().toString())
        .isEqualTo("{\"topic\":\"ICE\",\"mode\":\"ice-fast\",\"price\":12,\"literal\":\"as is\"}");
  }

  @Test
  void shouldFailTheNodeWithoutAChildWhenAConfigOverrideTemplateFails() {
    NodeSpec sub = workflow("sub", REF, Map.of(), JSON.objectNode().put("mode", "{{ missing }}"));
    Transition started = RunTransitions.start(start(parentPlan(sub), 0, workflows()), NOW);

    assertThat(started.commands()).isEmpty();
    NodeState node = started.state().node("sub");
    assertThat(node.status()).isEqualTo(NodeStatus.FAILED);
    assertThat(node.failure())
        .isEqualTo(
            Failure.permanent(
                "template-error",
                "Template error in config_overrides.mode: 'missing' is undefined"));
  }

  @Test
  void shouldCancelTheChildWhenARaceSkipsItsNodeAndIgnoreTheChildsLateReport() {
    NodeSpec race =
        Plans.parallel(
            "race",
            List.of(
                List.of(workflow("sub", REF, Map.of(), null)), List.of(Plans.nestedTool("fast"))),
            null,
            WaitStrategy.RACE);
    Transition started =
        RunTransitions.start(
            start(plan().node(race).tool("after", "race").build(), 0, workflows()), NOW);
    StartRun childStart = (StartRun) started.commands().getFirst();

    Transition won =
        RunTransitions.apply(started.state(), completed(started.tasks().getFirst()), NOW);

    assertThat(won.state().node("sub").status()).isEqualTo(NodeStatus.SKIPPED);
    assertThat(won.state().node("race").status()).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(won.commands())
        .singleElement()
        .isInstanceOfSatisfying(
            CancelRun.class,
            c -> {
              assertThat(c.executionId()).isEqualTo(childStart.executionId());
              assertThat(c.reason())
                  .isEqualTo(
                      "Parent execution parent-1 no longer waits for node 'sub': skipped"
                          + " (parallel 'race' finished with branch 1)");
            });
    Transition late = RunTransitions.apply(won.state(), runChildToTheEnd(childStart, null), NOW);
    assertThat(late.changed()).isFalse();
    assertThat(late.state().node("sub").status()).isEqualTo(NodeStatus.SKIPPED);
  }

  @Test
  void shouldCancelTheChildAndFailTheNodeWhenItsTimeoutRunsOut() {
    NodeSpec sub = workflow("sub", REF, Map.of(), null);
    Transition started = RunTransitions.start(start(parentPlan(sub), 0, workflows()), NOW);
    String child = WorkflowNodes.childId(PARENT, "sub", 1);

    assertThat(started.state().nextWakeAt()).contains(NOW.plusSeconds(30));
    assertThat(RunTransitions.fireDueRetries(started.state(), NOW.plusSeconds(29)).changed())
        .isFalse();
    Transition expired = RunTransitions.fireDueRetries(started.state(), NOW.plusSeconds(30));

    NodeState node = expired.state().node("sub");
    assertThat(node.status()).isEqualTo(NodeStatus.FAILED);
    assertThat(node.failure())
        .isEqualTo(
            Failure.retryable(
                "timeout",
                "Workflow execution "
                    + child
                    + " did not finish within the node's timeout (30.0 s)"));
    assertThat(expired.commands())
        .singleElement()
        .isInstanceOfSatisfying(CancelRun.class, c -> assertThat(c.executionId()).isEqualTo(child));
    assertThat(expired.cancellations()).isEmpty();
    assertThat(expired.state().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void shouldStartANewChildWhenATimedOutAttemptIsRetried() {
    NodeSpec sub = workflow("sub", REF, Map.of(), null);
    ExecutionPlan plan =
        plan().node(sub).retry("sub", new RetryPolicy(2, BackoffStrategy.FIXED, 0.0)).build();
    Transition started = RunTransitions.start(start(plan, 0, workflows()), NOW);

    Transition expired = RunTransitions.fireDueRetries(started.state(), NOW.plusSeconds(30));

    assertThat(expired.state().node("sub").status()).isEqualTo(NodeStatus.RUNNING);
    assertThat(expired.state().node("sub").attempt()).isEqualTo(2);
    assertThat(expired.state().nextWakeAt()).contains(NOW.plusSeconds(60));
    assertThat(expired.commands())
        .extracting(c -> c.getClass().getSimpleName() + ":" + c.executionId())
        .containsExactlyInAnyOrder(
            "StartRun:" + WorkflowNodes.childId(PARENT, "sub", 2),
            "CancelRun:" + WorkflowNodes.childId(PARENT, "sub", 1));
    CancelRun cancel =
        expired.commands().stream()
            .filter(CancelRun.class::isInstance)
            .map(CancelRun.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(cancel.reason())
        .isEqualTo(
            "Parent execution parent-1 no longer waits for node 'sub': Workflow execution "
                + WorkflowNodes.childId(PARENT, "sub", 1)
                + " did not finish within the node's timeout (30.0 s)");
  }

  private static NodeCompleted completed(NodeTask task) {
    return completedWith(task, JSON.objectNode().put("value", "done-" + task.nodeId()));
  }

  private static NodeCompleted completedWith(NodeTask task, JsonNode output) {
    return new NodeCompleted(
        UUID.randomUUID(),
        task.taskId(),
        task.executionId(),
        task.nodeId(),
        task.attempt(),
        output,
        null,
        1,
        false,
        NOW);
  }

  /**
   * Runs the child: each task completes with {@code {value: done-<id>}}, or the first one fails.
   */
  private static NodeOutcome runChildToTheEnd(StartRun childStart, Failure failFirst) {
    Transition child = RunTransitions.start(childStart, NOW);
    RunState state = child.state();
    List<NodeTask> pending = child.tasks();
    while (!pending.isEmpty()) {
      NodeTask task = pending.getFirst();
      NodeOutcome outcome =
          failFirst != null
              ? new NodeFailed(
                  UUID.randomUUID(),
                  task.taskId(),
                  task.executionId(),
                  task.nodeId(),
                  task.attempt(),
                  failFirst,
                  null,
                  1,
                  NOW)
              : completed(task);
      child = RunTransitions.apply(state, outcome, NOW);
      state = child.state();
      pending = child.tasks();
      if (!child.outcomes().isEmpty()) {
        return child.outcomes().getFirst();
      }
    }
    return child.outcomes().getFirst();
  }
}
