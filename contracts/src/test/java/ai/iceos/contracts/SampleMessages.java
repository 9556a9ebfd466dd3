package ai.iceos.contracts;

import ai.iceos.contracts.blueprint.BackoffStrategy;
import ai.iceos.contracts.blueprint.ConditionNodeSpec;
import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.AgentCatalogEntry;
import ai.iceos.contracts.messaging.BlueprintCommand;
import ai.iceos.contracts.messaging.BlueprintCompiled;
import ai.iceos.contracts.messaging.BlueprintEvent;
import ai.iceos.contracts.messaging.BlueprintRejected;
import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.CancelTasks;
import ai.iceos.contracts.messaging.CompileBlueprint;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.IceosMessage;
import ai.iceos.contracts.messaging.ModelCatalogEntry;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeStarted;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.NodeTokenDelta;
import ai.iceos.contracts.messaging.ResumeRun;
import ai.iceos.contracts.messaging.RetryRun;
import ai.iceos.contracts.messaging.RunCommand;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.messaging.SubmitDecision;
import ai.iceos.contracts.messaging.ToolCatalogEntry;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.contracts.messaging.UsageRecorded;
import ai.iceos.contracts.plan.CostEstimate;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PinnedPlan;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.contracts.plan.SubGraph;
import ai.iceos.contracts.policy.OrgPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fixed sample of every message type, keyed by its golden file. */
final class SampleMessages {
  record Sample(IceosMessage message, Class<? extends IceosMessage> family) {}

  private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");
  private static final UUID ID = UUID.fromString("0b9e2c1a-6f1e-4c9b-9d51-1f0d8d3e2a01");
  private static final UUID CAUSE = UUID.fromString("7c0c8a5e-2d5b-4a6e-8f0e-8a2f1c9b3d02");

  private SampleMessages() {}

  static Map<String, Sample> all() {
    var samples = new LinkedHashMap<String, Sample>();
    samples.put("blueprint-commands/blueprint.compile.json", of(compile(), BlueprintCommand.class));
    samples.put("blueprint-events/blueprint.compiled.json", of(compiled(), BlueprintEvent.class));
    samples.put("blueprint-events/blueprint.rejected.json", of(rejected(), BlueprintEvent.class));
    samples.put("run-commands/run.start.json", of(start(), RunCommand.class));
    samples.put(
        "run-commands/run.cancel.json",
        of(new CancelRun(ID, "ex-1", "user request", AT), RunCommand.class));
    samples.put("node-tasks/node.task.json", of(task(), NodeTask.class));
    samples.put("node-tasks/node.task.execution-started-at.json", of(datedTask(), NodeTask.class));
    samples.put(
        "node-outcomes/node.started.json",
        of(
            new NodeStarted(ID, "ex-1:greet:1", "ex-1", "greet", 1, "worker-a", AT),
            NodeOutcome.class));
    samples.put("node-outcomes/node.completed.json", of(completed(), NodeOutcome.class));
    samples.put("node-outcomes/node.failed.json", of(failed(), NodeOutcome.class));
    samples.put(
        "node-outcomes/node.completed.with-start.json",
        of(completedWithStart(), NodeOutcome.class));
    samples.put(
        "node-outcomes/node.failed.with-start.json", of(failedWithStart(), NodeOutcome.class));
    samples.put("run-events/node.completed.json", of(event(), RunEvent.class));
    samples.put(
        "blueprint-commands/blueprint.compile.with-policy.json",
        of(compileWithPolicy(), BlueprintCommand.class));
    samples.put("run-commands/run.start.child.json", of(startChild(), RunCommand.class));
    samples.put(
        "blueprint-events/blueprint.compiled.nested.json",
        of(new BlueprintCompiled(ID, CAUSE, "bp-3", 1, nestedPlan(), AT), BlueprintEvent.class));
    samples.put(
        "run-commands/run.resume.json", of(new ResumeRun(ID, "ex-1", AT), RunCommand.class));
    samples.put("run-commands/run.retry.json", of(new RetryRun(ID, "ex-1", AT), RunCommand.class));
    samples.put("run-commands/run.decision.json", of(decision(), RunCommand.class));
    samples.put(
        "node-outcomes/node.token_delta.json",
        of(
            new NodeTokenDelta(ID, "ex-1:ask:1", "ex-1", "ask", 1, 0, "Hel", AT),
            NodeOutcome.class));
    samples.put("tool-catalog/tool.json", of(tool(), ToolCatalogEntry.class));
    samples.put("agent-catalog/agent.json", of(agent(), AgentCatalogEntry.class));
    samples.put("model-catalog/model.json", of(model(), ModelCatalogEntry.class));
    samples.put("usage-events/usage.recorded.json", of(usage(), UsageRecorded.class));
    samples.put(
        "task-cancellations/cancel.tasks.json",
        of(new CancelTasks(ID, "ex-1", null, "execution cancelled", AT), CancelTasks.class));
    return samples;
  }

  private static Sample of(IceosMessage message, Class<? extends IceosMessage> family) {
    return new Sample(message, family);
  }

  private static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static CompileBlueprint compileWithPolicy() {
    return new CompileBlueprint(
        ID,
        "bp-2",
        "org-1",
        1,
        json("{\"nodes\":[{\"id\":\"sub\",\"type\":\"workflow\",\"workflow_ref\":\"bp-1\"}]}"),
        new OrgPolicy(
            List.of(),
            List.of("http_request"),
            List.of(),
            List.of(),
            null,
            new BigDecimal("25"),
            60),
        List.of("bp-1"),
        AT);
  }

  /** A condition node whose true path is a compiled sub-graph of two levels. */
  static ExecutionPlan nestedPlan() {
    var yes = ToolNodeSpec.of("yes", "echo", json("{\"said\":\"yes\"}"));
    var after = ToolNodeSpec.of("after", "echo", json("{}"), "yes");
    var gate =
        new ConditionNodeSpec(
            "gate",
            null,
            List.of(),
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
            "inputs.n > 1",
            List.of(yes, after),
            List.of(),
            List.of(),
            List.of());
    var path =
        new SubGraph(
            "true_path",
            List.of(
                new PlannedNode(yes, 0, 30_000, RetryPolicy.none(), true),
                new PlannedNode(after, 1, 30_000, RetryPolicy.none(), true)),
            List.of(List.of("yes"), List.of("after")));
    var empty = new SubGraph("false_path", List.of(), List.of());
    return new ExecutionPlan(
        ExecutionPlan.CURRENT_VERSION,
        "sha256:0cc175b9c0f1b6a831c399e269772661",
        List.of(List.of("gate")),
        List.of(new PlannedNode(gate, 0, 30_000, RetryPolicy.none(), true, List.of(path, empty))),
        FailurePolicy.CONTINUE_IF_POSSIBLE,
        Scheduling.LEVEL,
        5,
        null,
        null,
        null);
  }

  private static StartRun startChild() {
    return new StartRun(
        ID,
        "ex-1.sub.1",
        "org-1",
        "bp-1",
        "v3",
        plan(),
        json("{\"name\":\"Ada\"}"),
        RunOptions.defaults(),
        "ex-1",
        "sub",
        1,
        Map.of("bp-9@v2", new PinnedPlan("bp-9", "v2", plan())),
        AT);
  }

  private static SubmitDecision decision() {
    return new SubmitDecision(
        ID, "ex-1", "review", true, "looks good", null, json("{\"note\":\"ok\"}"), "human", AT);
  }

  private static ToolCatalogEntry tool() {
    return new ToolCatalogEntry(
        ID,
        "echo",
        "Returns its arguments.",
        json("{\"type\":\"object\"}"),
        json("{\"type\":\"object\"}"),
        "worker-a",
        AT);
  }

  private static AgentCatalogEntry agent() {
    return new AgentCatalogEntry(
        ID, "support.triage", "Triage agent", "gpt-4o", List.of("echo"), "worker-a", AT);
  }

  private static ModelCatalogEntry model() {
    return new ModelCatalogEntry(
        ID, "gpt-4o", "openai", 128_000, 16_384, 2_500_000, 1_250_000, 10_000_000, "gateway-a", AT);
  }

  private static UsageRecorded usage() {
    return new UsageRecorded(
        ID, "org-1", "ex-1", "ask", "gpt-4o", "openai", 120, 20, 30, 525, false, AT);
  }

  private static CompileBlueprint compile() {
    return new CompileBlueprint(
        ID,
        "bp-1",
        "org-1",
        3,
        json("{\"nodes\":[{\"id\":\"greet\",\"type\":\"tool\",\"tool_name\":\"echo\"}]}"),
        AT);
  }

  static ExecutionPlan plan() {
    var greet = ToolNodeSpec.of("greet", "echo", json("{\"text\":\"{{ inputs.name }}\"}"));
    var ask = LlmNodeSpec.of("ask", "gpt-4o", "Say {{ greet.text }}", "greet");
    return new ExecutionPlan(
        ExecutionPlan.CURRENT_VERSION,
        "sha256:5d41402abc4b2a76b9719d911017c592",
        List.of(List.of("greet"), List.of("ask")),
        List.of(
            new PlannedNode(greet, 0, 30_000, RetryPolicy.none(), true),
            new PlannedNode(
                ask, 1, 30_000, new RetryPolicy(3, BackoffStrategy.EXPONENTIAL, 1.0), false)),
        FailurePolicy.CONTINUE_IF_POSSIBLE,
        Scheduling.LEVEL,
        5,
        null,
        null,
        new CostEstimate(10, 150, 300, 120, 2.5));
  }

  private static BlueprintCompiled compiled() {
    return new BlueprintCompiled(ID, CAUSE, "bp-1", 3, plan(), AT);
  }

  private static BlueprintRejected rejected() {
    return new BlueprintRejected(
        ID,
        CAUSE,
        "bp-1",
        3,
        List.of(new Violation("/nodes/1/dependencies/0", "unknown-dependency", "no node 'x'")),
        false,
        AT);
  }

  private static StartRun start() {
    return new StartRun(
        ID,
        "ex-1",
        "org-1",
        "bp-1",
        "v3",
        plan(),
        json("{\"name\":\"Ada\"}"),
        new RunOptions(2, FailurePolicy.HALT_ON_FIRST_ERROR, new BigDecimal("1.5")),
        AT);
  }

  private static NodeTask task() {
    return new NodeTask(
        ID,
        NodeTask.taskIdOf("ex-1", "greet", 1),
        "ex-1",
        "org-1",
        "greet",
        1,
        plan().nodes().get(0).spec(),
        json(
            "{\"inputs\":{\"name\":\"Ada\"},\"execution\":{\"id\":\"ex-1\",\"blueprint_id\":\"bp-1\"}}"),
        30_000,
        AT);
  }

  /** A task that says when its execution started (for the worker's priority). */
  private static NodeTask datedTask() {
    NodeTask task = task();
    return new NodeTask(
        task.messageId(),
        task.taskId(),
        task.executionId(),
        task.orgId(),
        task.nodeId(),
        task.attempt(),
        task.node(),
        task.scope(),
        task.timeoutMs(),
        task.occurredAt(),
        AT.minusSeconds(5));
  }

  private static NodeCompleted completed() {
    return new NodeCompleted(
        ID,
        "ex-1:ask:1",
        "ex-1",
        "ask",
        1,
        json("{\"response\":\"ECHO::Say Ada\",\"text\":\"ECHO::Say Ada\"}"),
        new Usage(5, 4, 9, 55, 1),
        12,
        false,
        AT);
  }

  /** A fast attempt's only report: the worker left out NodeStarted (decision 0104). */
  private static NodeCompleted completedWithStart() {
    NodeCompleted c = completed();
    return new NodeCompleted(
        c.messageId(),
        c.taskId(),
        c.executionId(),
        c.nodeId(),
        c.attempt(),
        c.output(),
        c.usage(),
        c.durationMs(),
        c.cacheHit(),
        c.occurredAt(),
        AT.minusMillis(12),
        "worker-a");
  }

  private static NodeFailed failedWithStart() {
    NodeFailed f = failed();
    return new NodeFailed(
        f.messageId(),
        f.taskId(),
        f.executionId(),
        f.nodeId(),
        f.attempt(),
        f.failure(),
        f.usage(),
        f.durationMs(),
        f.occurredAt(),
        AT.minusMillis(3),
        "worker-a");
  }

  private static NodeFailed failed() {
    return new NodeFailed(
        ID,
        "ex-1:greet:2",
        "ex-1",
        "greet",
        2,
        new Failure("tool-error", "boom", true, 500L),
        null,
        3,
        AT);
  }

  private static RunEvent event() {
    return new RunEvent(
        ID,
        "ex-1",
        7,
        RunEventType.NODE_COMPLETED,
        "greet",
        json("{\"attempt\":1,\"output\":{\"text\":\"Ada\"},\"duration_ms\":4}"),
        AT);
  }
}
