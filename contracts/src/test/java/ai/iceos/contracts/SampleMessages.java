package ai.iceos.contracts;

import ai.iceos.contracts.blueprint.BackoffStrategy;
import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.BlueprintCommand;
import ai.iceos.contracts.messaging.BlueprintCompiled;
import ai.iceos.contracts.messaging.BlueprintEvent;
import ai.iceos.contracts.messaging.BlueprintRejected;
import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.CompileBlueprint;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.IceosMessage;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeStarted;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunCommand;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.contracts.plan.CostEstimate;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
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
    samples.put(
        "node-outcomes/node.started.json",
        of(
            new NodeStarted(ID, "ex-1:greet:1", "ex-1", "greet", 1, "worker-a", AT),
            NodeOutcome.class));
    samples.put("node-outcomes/node.completed.json", of(completed(), NodeOutcome.class));
    samples.put("node-outcomes/node.failed.json", of(failed(), NodeOutcome.class));
    samples.put("run-events/node.completed.json", of(event(), RunEvent.class));
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
