package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.messaging.CancelRun;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeStarted;
import ai.iceos.contracts.messaging.NodeTokenDelta;
import ai.iceos.contracts.messaging.ResumeRun;
import ai.iceos.contracts.messaging.RetryRun;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.messaging.SubmitDecision;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.contracts.plan.PlannedNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's decisions as pure functions: (state, input, now) → {@link Transition}. No I/O, no
 * clock, no framework; the messaging edge stores the new state and publishes what it lists.
 *
 * <p>Outcomes are applied only to the attempt they report and only while that attempt is with a
 * worker; anything else (a duplicate, an outcome of a superseded attempt, a late outcome after a
 * cancel) is a no-op.
 */
public final class RunTransitions {
  private static final String DEFAULT_CANCEL_REASON = "cancelled";

  /**
   * How long after an attempt's own timeout the scheduler still waits for the worker's report
   * before failing the attempt itself (the worker abandons it at the timeout and reports).
   */
  static final Duration REPORT_GRACE = Duration.ofSeconds(10);

  /**
   * How many times an attempt whose worker went silent is sent again as a new attempt (without
   * spending the node's retries) before the silence fails the attempt like a timeout.
   */
  static final int MAX_LOST_ATTEMPTS = 3;

  private RunTransitions() {}

  /** Starts an execution: {@code workflow.started}, then the first ready nodes. */
  public static Transition start(StartRun command, Instant now) {
    RunState initial = initialState(command, now);
    Step step = new Step(initial, now);
    step.status = RunStatus.RUNNING;
    step.emit(
        RunEventType.WORKFLOW_STARTED,
        null,
        WorkflowNodes.describeLineage(initial, EventData.workflowStarted(initial)));
    RunProgress.settle(step);
    return step.toTransition();
  }

  /** Applies a worker's report about one attempt. */
  public static Transition apply(RunState state, NodeOutcome reported, Instant now) {
    NodeOutcome outcome = WorkflowNodes.forCurrentAttempt(state, reported);
    if (!isCurrentAttempt(state, outcome)) {
      return Transition.unchanged(state);
    }
    NodeState node = state.node(outcome.nodeId());
    Step step = new Step(state, now);
    if (WorkflowNodes.isWorkflow(step.planned(outcome.nodeId()))) {
      step.childReported(outcome.nodeId()); // only a workflow node's child reports about it
    }
    switch (outcome) {
      case NodeStarted started -> {
        if (node.status() != NodeStatus.QUEUED) {
          return Transition.unchanged(state);
        }
        start(step, node, started.nodeId(), started.attempt(), started.workerId(), now);
      }
      case NodeCompleted completed ->
          succeed(
              step,
              startReportedWithEnd(
                  step, node, completed.nodeId(), completed.startedAt(), completed.workerId()),
              completed);
      case NodeFailed failed ->
          fail(
              step,
              startReportedWithEnd(
                  step, node, failed.nodeId(), failed.startedAt(), failed.workerId()),
              failed.nodeId(),
              failed.attempt(),
              failed.failure(),
              orNone(failed.usage()),
              failed.durationMs());
      case NodeTokenDelta delta -> {
        if (node.status() != NodeStatus.RUNNING) {
          return Transition.unchanged(state);
        }
        step.emit(
            RunEventType.NODE_TOKEN_DELTA,
            delta.nodeId(),
            EventData.tokenDelta(delta.attempt(), delta.index(), delta.delta()));
      }
    }
    return progress(step);
  }

  /**
   * The timer's input, at {@link RunState#nextWakeAt()}: ends the run when its {@code
   * timeout_seconds} has run out, fails attempts whose worker went silent past their deadline, and
   * queues the next attempt of every node whose retry is due at {@code now}.
   */
  public static Transition fireDueRetries(RunState state, Instant now) {
    if (!state.status().isActive()) {
      return Transition.unchanged(state);
    }
    Step step = new Step(state, now);
    boolean running = state.status() == RunStatus.RUNNING; // paused: only workers' deadlines
    if (running && state.runDeadline().filter(deadline -> !deadline.isAfter(now)).isPresent()) {
      timeOut(step);
    }
    expireSilentAttempts(step);
    if (running) {
      HumanNodes.expire(step);
      MonitorNodes.checkDue(step);
    }
    return progress(step);
  }

  /** Applies a decision to a waiting {@code human} node; anything else changes nothing. */
  public static Transition decide(RunState state, SubmitDecision decision, Instant now) {
    if (!state.status().isActive()) {
      return Transition.unchanged(state);
    }
    Step step = new Step(state, now);
    return HumanNodes.decide(step, decision) ? progress(step) : Transition.unchanged(state);
  }

  /**
   * Sends again the task of every queued node (its worker has not reported a start): after a
   * restart the scheduler cannot know whether a task committed before a crash ever reached a
   * worker. Same task and message ids, no events; a worker that runs it twice has its second
   * outcome ignored.
   */
  public static Transition resendQueued(RunState state, Instant now) {
    if (!state.status().isActive()) {
      return Transition.unchanged(state);
    }
    Step step = new Step(state, now);
    for (String id : step.allPaths()) {
      NodeState node = step.node(id);
      PlannedNode planned = step.planned(id);
      if (node.status() == NodeStatus.QUEUED && !ControlFlow.isControl(planned)) {
        step.send(id, planned, node.attempt(), step.scopeOf(id));
      }
    }
    return step.toTransition();
  }

  /**
   * Cancels a running execution: nodes not finished end {@code cancelled}, the execution ends
   * {@code cancelled} with {@code workflow.cancelled}. A finished execution stays as it is.
   */
  public static Transition cancel(RunState state, CancelRun command, Instant now) {
    if (state.status().isTerminal()) {
      return Transition.unchanged(state);
    }
    Step step = new Step(state, now);
    String reason =
        command.reason() == null || command.reason().isBlank()
            ? DEFAULT_CANCEL_REASON
            : command.reason();
    boolean tasksOut = false;
    WorkflowNodes.cancelChildren(step, reason);
    for (String id : step.allPaths()) {
      NodeState node = step.node(id);
      tasksOut |= node.status().awaitsOutcome() && !ControlFlow.isControl(step.planned(id));
      if (!node.status().isTerminal()) {
        step.put(id, node.cancelled(now));
      }
    }
    if (tasksOut) {
      step.interrupt(null, reason);
    }
    step.status = RunStatus.CANCELLED;
    step.finishedAt = now;
    step.emit(RunEventType.WORKFLOW_CANCELLED, null, EventData.workflowCancelled(reason));
    return step.toTransition();
  }

  /** Resumes a paused execution; see {@link RunControl#resume}. */
  public static Transition resume(RunState state, ResumeRun command, Instant now) {
    return RunControl.resume(state, now);
  }

  /** Re-runs a failed execution's failed and skipped nodes; see {@link RunControl#retry}. */
  public static Transition retry(RunState state, RetryRun command, Instant now) {
    return RunControl.retry(state, now);
  }

  static Transition progress(Step step) {
    if (step.status == RunStatus.RUNNING && !RunProgress.isHalted(step)) {
      queueDueRetries(step);
    }
    RunProgress.settle(step);
    return step.toTransition();
  }

  /**
   * A worker began the current attempt {@code at}: the node runs, with a deadline for the worker's
   * report, and {@code node.started} records it.
   */
  private static NodeState start(
      Step step, NodeState node, String nodeId, int attempt, String workerId, Instant at) {
    Instant deadline = at.plusMillis(step.planned(nodeId).timeoutMs()).plus(REPORT_GRACE);
    NodeState running = node.running(at, deadline);
    step.put(nodeId, running);
    step.emitAt(at, RunEventType.NODE_STARTED, nodeId, EventData.nodeStarted(attempt, workerId));
    return running;
  }

  /**
   * A worker reports a quick attempt's start only with its end (decision 0104): while the node is
   * still queued, the start is recorded first, at the reported time (never later than now), so the
   * events still read {@code node.queued → node.started → node.completed/failed}. An end that does
   * not report its start (a cache hit, an older worker) or whose start was already applied leaves
   * the node as it is.
   */
  private static NodeState startReportedWithEnd(
      Step step, NodeState node, String nodeId, Instant startedAt, String workerId) {
    if (node.status() != NodeStatus.QUEUED || startedAt == null) {
      return node;
    }
    Instant at = startedAt.isAfter(step.now) ? step.now : startedAt;
    return start(step, node, nodeId, node.attempt(), workerId, at);
  }

  private static boolean isCurrentAttempt(RunState state, NodeOutcome outcome) {
    if (!state.status().isActive() || !state.nodes().containsKey(outcome.nodeId())) {
      return false;
    }
    NodeState node = state.node(outcome.nodeId());
    return outcome.attempt() == node.attempt() && node.status().awaitsOutcome();
  }

  private static void succeed(Step step, NodeState node, NodeCompleted completed) {
    Usage attemptUsage = orNone(completed.usage());
    JsonNode output = WorkflowNodes.output(step, completed.nodeId(), completed.output());
    NodeState done = node.succeeded(output, attemptUsage, step.now);
    step.put(completed.nodeId(), done);
    countAttempt(step, completed.nodeId(), attemptUsage);
    step.emit(
        RunEventType.NODE_COMPLETED,
        completed.nodeId(),
        EventData.nodeCompleted(
            completed.attempt(),
            output,
            completed.durationMs(),
            completed.cacheHit(),
            hasUsage(done.usage()) ? done.usage() : null));
    emitResourceUpdates(step, completed.nodeId(), attemptUsage);
  }

  private static void fail(
      Step step,
      NodeState node,
      String nodeId,
      int attempt,
      Failure failure,
      Usage attemptUsage,
      long durationMs) {
    PlannedNode planned = step.planned(nodeId);
    countAttempt(step, nodeId, attemptUsage);
    int counted = attempt - node.lostAttempts();
    boolean retry =
        failure.retryable()
            && counted < planned.retry().maxAttempts()
            && !RunProgress.isHalted(step);
    if (retry) {
      long waitMs = Backoff.waitMs(planned.retry(), counted - 1, failure);
      step.put(nodeId, node.retrying(failure, attemptUsage, step.now.plusMillis(waitMs)));
      step.emit(
          RunEventType.NODE_RETRYING, nodeId, EventData.nodeRetrying(attempt, waitMs, failure));
    } else {
      step.put(nodeId, node.failed(failure, attemptUsage, step.now));
      step.emit(
          RunEventType.NODE_FAILED, nodeId, EventData.nodeFailed(attempt, failure, durationMs));
    }
    emitResourceUpdates(step, nodeId, attemptUsage);
  }

  /**
   * Gives up every attempt whose worker has not reported within its deadline and tells workers to
   * drop it. A lost attempt (the worker died, or its report was lost) is sent again at once as a
   * new attempt that does not spend the node's retries, so a late report of the silent one is
   * ignored; after {@link #MAX_LOST_ATTEMPTS} of those the silence fails the attempt as a retryable
   * {@code timeout}, so the node's retry policy applies.
   */
  private static void expireSilentAttempts(Step step) {
    for (String id : step.allPaths()) {
      NodeState node = step.node(id);
      if (node.status() == NodeStatus.RUNNING
          && node.deadlineAt() != null
          && !node.deadlineAt().isAfter(step.now)) {
        long timeoutMs = step.planned(id).timeoutMs();
        long durationMs = Duration.between(node.startedAt(), step.now).toMillis();
        if (WorkflowNodes.isWorkflow(step.planned(id))) {
          // No worker to lose: the child ran out of time; the step cancels it.
          Failure failure = WorkflowNodes.timedOut(step, id, node);
          fail(step, node, id, node.attempt(), failure, Usage.none(), durationMs);
          continue;
        }
        step.interrupt(id, "timeout");
        if (node.lostAttempts() < MAX_LOST_ATTEMPTS) {
          Failure lost =
              Failure.retryable(
                  "worker_lost",
                  "No report from the worker of attempt "
                      + node.attempt()
                      + " within its deadline ("
                      + timeoutMs / 1000.0
                      + " s timeout); the task is sent again as attempt "
                      + (node.attempt() + 1));
          step.put(id, node.lost(lost, step.now));
          step.emit(
              RunEventType.NODE_RETRYING, id, EventData.nodeRetrying(node.attempt(), 0, lost));
          continue;
        }
        Failure failure =
            Failure.retryable(
                "timeout",
                "No report from the worker within the attempt's timeout ("
                    + timeoutMs / 1000.0
                    + " s), after the task was sent again "
                    + node.lostAttempts()
                    + " times");
        fail(step, node, id, node.attempt(), failure, Usage.none(), durationMs);
      }
    }
  }

  /**
   * The run ran out of {@code timeout_seconds}: attempts with workers fail and are interrupted, and
   * (through the guard error) nothing new starts and the execution fails.
   */
  private static void timeOut(Step step) {
    String error = Guards.timeout(step.base.plan().limits().timeoutSeconds());
    step.guardError(error);
    failStartedAttempts(step, Failure.permanent("timeout", error), error);
  }

  /**
   * Fails every attempt a worker has started with {@code failure}, cancels child executions and
   * interrupts every task of the execution (the run's timeout, a monitor's abort).
   */
  static void failStartedAttempts(Step step, Failure failure, String reason) {
    WorkflowNodes.cancelChildren(step, reason);
    boolean interrupted = false;
    for (String id : step.allPaths()) {
      NodeState node = step.node(id);
      if (node.status() == NodeStatus.RUNNING && !ControlFlow.isControl(step.planned(id))) {
        interrupted = true;
        step.put(id, node.failed(failure, Usage.none(), step.now));
        step.emit(RunEventType.NODE_FAILED, id, EventData.nodeFailed(node.attempt(), failure, 0));
      }
    }
    if (interrupted) {
      step.interrupt(null, reason);
    }
  }

  private static void queueDueRetries(Step step) {
    for (String id : step.allPaths()) {
      NodeState node = step.node(id);
      if (node.status() == NodeStatus.RETRYING && !node.retryAt().isAfter(step.now)) {
        RunProgress.queue(step, id, node.attempt() + 1);
      }
    }
  }

  private static void countAttempt(Step step, String nodeId, Usage attemptUsage) {
    step.usage = step.usage.plus(attemptUsage);
    if (step.planned(nodeId).spec().kind() == NodeType.TOOL) {
      step.toolExecutions++;
    }
  }

  private static void emitResourceUpdates(Step step, String nodeId, Usage attemptUsage) {
    if (hasUsage(attemptUsage)) {
      step.emit(RunEventType.RESOURCE_TOKEN_UPDATE, nodeId, EventData.tokenUpdate(step.usage));
      step.emit(RunEventType.RESOURCE_COST_UPDATE, nodeId, EventData.costUpdate(step.usage));
    }
  }

  private static boolean hasUsage(Usage usage) {
    return usage.totalTokens() > 0 || usage.costMicroUsd() > 0 || usage.llmCalls() > 0;
  }

  private static Usage orNone(Usage usage) {
    return usage == null ? Usage.none() : usage;
  }

  private static RunState initialState(StartRun command, Instant now) {
    var plan = command.plan();
    var options = command.options();
    Map<String, NodeState> nodes = new HashMap<>();
    plan.nodes().forEach(n -> nodes.put(n.id(), NodeState.pending()));
    return new RunState(
        command.executionId(),
        command.orgId(),
        command.blueprintId(),
        command.versionLock(),
        plan,
        command.inputs(),
        Math.max(1, options.maxParallel() != null ? options.maxParallel() : plan.maxParallel()),
        options.failurePolicy() != null ? options.failurePolicy() : plan.failurePolicy(),
        RunStatus.PENDING,
        nodes,
        0,
        0,
        1,
        Usage.none(),
        0,
        now,
        null,
        List.of(),
        Map.of(),
        List.of(),
        Map.of(),
        null,
        0,
        0,
        Map.of(),
        Lineage.of(command));
  }
}
