package ai.iceos.worker.node;

import ai.iceos.contracts.blueprint.AgentNodeSpec;
import ai.iceos.contracts.blueprint.CodeNodeSpec;
import ai.iceos.contracts.blueprint.ConditionNodeSpec;
import ai.iceos.contracts.blueprint.HumanNodeSpec;
import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.blueprint.LoopNodeSpec;
import ai.iceos.contracts.blueprint.MonitorNodeSpec;
import ai.iceos.contracts.blueprint.ParallelNodeSpec;
import ai.iceos.contracts.blueprint.RecursiveNodeSpec;
import ai.iceos.contracts.blueprint.SwarmNodeSpec;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.blueprint.WorkflowNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one attempt of a task to an {@link AttemptResult}: dispatches by node kind, cancels the work
 * at the attempt's deadline, applies output mappings and turns every error into a {@link Failure}.
 * The returned {@code Uni} never fails.
 */
@ApplicationScoped
public class NodeRunner {
  static final String ATTEMPTS_METRIC = "iceos.worker.attempts";
  static final String RUNNING_METRIC = "iceos.worker.attempts.running";

  private final ToolNodeExecutor tools;
  private final LlmNodeExecutor llms;
  private final CodeNodeExecutor code;
  private final AgentNodeExecutor agents;
  private final SwarmNodeExecutor swarms;
  private final RunningAttempts attempts;
  private final MeterRegistry meters;
  private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();

  NodeRunner(
      ToolNodeExecutor tools,
      LlmNodeExecutor llms,
      CodeNodeExecutor code,
      AgentNodeExecutor agents,
      SwarmNodeExecutor swarms,
      RunningAttempts attempts,
      MeterRegistry meters) {
    this.tools = tools;
    this.llms = llms;
    this.code = code;
    this.agents = agents;
    this.swarms = swarms;
    this.attempts = attempts;
    this.meters = meters;
    meters.gauge(RUNNING_METRIC, attempts, RunningAttempts::runningCount);
  }

  public Uni<AttemptResult> run(NodeTask task) {
    Duration deadline = Deadline.of(task);
    return attempts
        .cancellable(task, () -> execute(task))
        .ifNoItem()
        .after(deadline)
        .failWith(
            () -> new DeadlineExceededException(Deadline.timeoutMessage(task.nodeId(), deadline)))
        .onItemOrFailure()
        .transform((result, error) -> settled(task, result, error));
  }

  /** The attempt's result, counted; never throws for a failure of the node. */
  private AttemptResult settled(NodeTask task, NodeResult result, Throwable error) {
    AttemptResult settled;
    if (error != null) {
      settled = failed(task, error);
    } else {
      try {
        settled = succeeded(task, result);
      } catch (RuntimeException e) {
        settled = failed(task, e);
      }
    }
    count(task, settled);
    return settled;
  }

  /**
   * Attempts by node kind and result ({@code completed} or the failure type); each counter is
   * registered once, not looked up in the registry on every task.
   */
  private void count(NodeTask task, AttemptResult result) {
    String kind = task.node().kind().wireName();
    String outcome =
        switch (result) {
          case AttemptResult.Succeeded ok -> "completed";
          case AttemptResult.Failed failed -> failed.failure().type();
        };
    counters
        .computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            outcome,
            key ->
                Counter.builder(ATTEMPTS_METRIC)
                    .description("Node attempts run by this worker")
                    .tag("kind", kind)
                    .tag("result", outcome)
                    .register(meters))
        .increment();
  }

  private Uni<NodeResult> execute(NodeTask task) {
    return switch (task.node()) {
      case ToolNodeSpec tool -> tools.execute(tool, task);
      case LlmNodeSpec llm -> llms.execute(llm, task);
      case AgentNodeSpec agent -> agents.execute(agent, task);
      case SwarmNodeSpec swarm -> swarms.execute(swarm, task);
      case CodeNodeSpec snippet -> code.execute(snippet, task);
      case ConditionNodeSpec n -> notRunHere(task);
      case WorkflowNodeSpec n -> notRunHere(task);
      case LoopNodeSpec n -> notRunHere(task);
      case ParallelNodeSpec n -> notRunHere(task);
      case RecursiveNodeSpec n -> notRunHere(task);
      case HumanNodeSpec n -> notRunHere(task);
      case MonitorNodeSpec n -> notRunHere(task);
    };
  }

  /** A task of a type this worker version has no executor for: permanent, never retried. */
  private static Uni<NodeResult> notRunHere(NodeTask task) {
    return Uni.createFrom()
        .failure(
            new NodeFailureException(
                Failure.permanent(
                    "unsupported-node-type",
                    "node-worker cannot run nodes of type '"
                        + task.node().kind().wireName()
                        + "'")));
  }

  private static AttemptResult succeeded(NodeTask task, NodeResult result) {
    return new AttemptResult.Succeeded(
        OutputMappings.apply(result.output(), task.node().outputMappings()), result.usage());
  }

  private static AttemptResult failed(NodeTask task, Throwable error) {
    Failure failure = FailureClassifier.classify(error);
    if (FailureClassifier.INTERNAL.equals(failure.type())) {
      Log.warnf(error, "Task %s failed unexpectedly", task.taskId());
    } else {
      Log.debugf("Task %s failed: %s", task.taskId(), failure.type());
    }
    var usage = error instanceof NodeFailureException classified ? classified.usage() : null;
    return new AttemptResult.Failed(failure, usage);
  }
}
