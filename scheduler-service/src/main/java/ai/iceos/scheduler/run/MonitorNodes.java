package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.MonitorAction;
import ai.iceos.contracts.blueprint.MonitorNodeSpec;
import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.RunEventType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code monitor} nodes (SPEC §2.6, §2.11, decision 0113), run by the scheduler. When its
 * dependencies are done the node starts and evaluates {@code metric_expression} over {@link
 * RunMetrics}; it keeps watching, evaluating every {@code check_interval_seconds} while the
 * execution runs, and completes once no other node of the execution is in flight. A trigger (the
 * expression becoming true) emits {@code node.alert} and then alerts only, pauses the execution, or
 * aborts it ({@code Aborted by monitor <id>}).
 */
final class MonitorNodes {
  static final String ABORTED = "aborted";
  private static final int DEFAULT_INTERVAL_SECONDS = 5;
  private static final String FAILURE_TYPE = "template-error";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MonitorNodes() {}

  /** First check, as the node starts. */
  static void start(Step step, String path, MonitorNodeSpec monitor) {
    step.monitors.remove(path);
    check(step, path, monitor);
  }

  /** Checks every watching monitor whose interval is over (the timer's input). */
  static void checkDue(Step step) {
    for (Map.Entry<String, MonitorState> entry : Map.copyOf(step.monitors).entrySet()) {
      String path = entry.getKey();
      if (step.status == RunStatus.RUNNING
          && isWatching(step, path)
          && !entry.getValue().nextCheckAt().isAfter(step.now)) {
        try {
          check(step, path, (MonitorNodeSpec) step.planned(path).spec());
        } catch (Expressions.ExpressionException e) {
          ControlFlow.fail(step, path, Failure.permanent(FAILURE_TYPE, e.getMessage()));
        }
      }
    }
  }

  /** A started monitor that has not completed: it does not hold its level open. */
  static boolean isWatching(Step step, String path) {
    return step.node(path).status() == NodeStatus.RUNNING
        && step.planned(path).spec().kind() == NodeType.MONITOR;
  }

  /** Completes the monitor once nothing else of the running execution is in flight. */
  static void finishIfAlone(Step step, String path, MonitorNodeSpec monitor) {
    if (step.status != RunStatus.RUNNING || othersInFlight(step, path)) {
      return;
    }
    MonitorState state = step.monitors.get(path);
    ObjectNode output = JSON.objectNode();
    output.put("metric_evaluated", monitor.metricExpression());
    output.put("triggered", state != null && state.triggers() > 0);
    output.put("action_taken", state == null ? null : state.actionTaken());
    output.put("triggers_fired", state == null ? 0 : state.triggers());
    output.put("checks_performed", state == null ? 0 : state.checks());
    output.put("value", state != null && state.firing());
    ControlFlow.complete(step, path, output);
  }

  private static void check(Step step, String path, MonitorNodeSpec monitor) {
    ObjectNode metrics = RunMetrics.of(step);
    ObjectNode scope = step.scopeOf(path);
    scope.setAll(metrics);
    scope.set("metrics", metrics);
    boolean value =
        Expressions.test(
            monitor.metricExpression(), scope, "metric_expression", "Metric expression");
    MonitorState before = step.monitors.get(path);
    boolean fires = value && (before == null || !before.firing());
    MonitorAction action =
        monitor.actionOnTrigger() == null ? MonitorAction.ALERT_ONLY : monitor.actionOnTrigger();
    int interval =
        monitor.checkIntervalSeconds() == null
            ? DEFAULT_INTERVAL_SECONDS
            : Math.max(1, monitor.checkIntervalSeconds());
    step.monitors.put(
        path,
        new MonitorState(
            step.now.plus(Duration.ofSeconds(interval)),
            (before == null ? 0 : before.checks()) + 1,
            (before == null ? 0 : before.triggers()) + (fires ? 1 : 0),
            value,
            fires ? wireName(action) : before == null ? null : before.actionTaken()));
    if (fires) {
      trigger(step, path, monitor, action, metrics);
    }
  }

  /**
   * Emits {@code node.alert}: the event stream is how an alert is delivered (decision 0117), so the
   * event carries all a subscriber needs to notify each of the {@code alert_channels}: the
   * expression, the action, every metric value it was evaluated with, and which trigger of this
   * monitor it is.
   */
  private static void trigger(
      Step step, String path, MonitorNodeSpec monitor, MonitorAction action, ObjectNode metrics) {
    ObjectNode alert = JSON.objectNode();
    alert.put("metric_expression", monitor.metricExpression());
    alert.put("action", wireName(action));
    monitor.alertChannels().forEach(alert.putArray("alert_channels")::add);
    alert.set("metrics", metrics);
    alert.put("trigger", step.monitors.get(path).triggers());
    alert.put("check", step.monitors.get(path).checks());
    step.emit(RunEventType.NODE_ALERT, path, alert);
    switch (action) {
      case ALERT_ONLY -> {}
      case PAUSE -> RunControl.pause(step, path);
      case ABORT -> abort(step, path);
    }
  }

  /**
   * Fails the execution: the error is a guard error, so nothing new starts (queued tasks end
   * skipped) and the execution ends failed; started attempts fail at once and are interrupted.
   */
  private static void abort(Step step, String path) {
    String error = "Aborted by monitor " + path;
    step.guardError(error);
    RunTransitions.failStartedAttempts(step, Failure.permanent(ABORTED, error), error);
  }

  /**
   * Whether a node other than a monitor is queued, running, retrying or waiting. The nodes whose
   * frames hold the monitor (a loop it is in the body of, …) do not count: they run until the
   * monitor completes, so counting them would make both wait for each other for ever.
   */
  private static boolean othersInFlight(Step step, String path) {
    Set<String> enclosing = new HashSet<>();
    for (Frame frame = step.frameOf(path); frame != null; frame = step.frameOf(frame.owner())) {
      enclosing.add(frame.owner());
    }
    return step.allPaths().stream()
        .filter(id -> step.planned(id).spec().kind() != NodeType.MONITOR)
        .filter(id -> !enclosing.contains(id))
        .map(step::node)
        .anyMatch(n -> n.status() != NodeStatus.PENDING && !n.status().isTerminal());
  }

  private static String wireName(MonitorAction action) {
    return switch (action) {
      case ALERT_ONLY -> "alert_only";
      case PAUSE -> "pause";
      case ABORT -> "abort";
    };
  }
}
