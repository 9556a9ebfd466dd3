package ai.iceos.scheduler.messaging;

import static org.awaitility.Awaitility.await;

import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** Plays node-worker in ITs: waits for the scheduler's tasks and events, and reports outcomes. */
final class ScriptedWorker {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final SchedulerTopics topics;

  ScriptedWorker(SchedulerTopics topics) {
    this.topics = topics;
  }

  NodeTask awaitTask(String execution, String taskId) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                topics.tasks(execution).stream()
                    .filter(t -> t.taskId().equals(taskId))
                    .findFirst()
                    .orElse(null),
            task -> task != null);
  }

  /** The execution's events once one of them matches. */
  List<RunEvent> awaitEvents(String execution, Predicate<RunEvent> wanted) {
    return await()
        .atMost(WAIT)
        .until(() -> topics.events(execution), events -> events.stream().anyMatch(wanted));
  }

  /** The execution's events once the last one is terminal. */
  List<RunEvent> awaitTerminal(String execution) {
    return awaitEvents(execution, e -> e.eventType().isTerminal());
  }

  void complete(NodeTask task, JsonNode output) {
    topics.send(
        new NodeCompleted(
            UUID.randomUUID(),
            task.taskId(),
            task.executionId(),
            task.nodeId(),
            task.attempt(),
            output,
            null,
            3,
            false,
            Instant.now()));
  }

  void fail(NodeTask task, Failure failure) {
    topics.send(
        new NodeFailed(
            UUID.randomUUID(),
            task.taskId(),
            task.executionId(),
            task.nodeId(),
            task.attempt(),
            failure,
            null,
            3,
            Instant.now()));
  }
}
