package ai.iceos.scheduler.messaging;

import static org.awaitility.Awaitility.await;

import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeStarted;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Plays node-worker for one execution against the real topics: awaits tasks, reports outcomes. */
final class FakeWorker {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final SchedulerTopics topics;
  private final String execution;

  FakeWorker(SchedulerTopics topics, String execution) {
    this.topics = topics;
    this.execution = execution;
  }

  NodeTask awaitTask(String pathAndAttempt) {
    String taskId = execution + ":" + pathAndAttempt;
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

  /** Takes the task, starts it and completes it with {@code output}. */
  NodeTask run(String pathAndAttempt, JsonNode output, Usage usage) {
    NodeTask task = awaitTask(pathAndAttempt);
    topics.send(
        new NodeStarted(
            UUID.randomUUID(),
            task.taskId(),
            execution,
            task.nodeId(),
            task.attempt(),
            "worker-it",
            Instant.now()));
    topics.send(
        new NodeCompleted(
            UUID.randomUUID(),
            task.taskId(),
            execution,
            task.nodeId(),
            task.attempt(),
            output,
            usage,
            3,
            false,
            Instant.now()));
    return task;
  }

  void fail(String pathAndAttempt, Failure failure) {
    NodeTask task = awaitTask(pathAndAttempt);
    topics.send(
        new NodeFailed(
            UUID.randomUUID(),
            task.taskId(),
            execution,
            task.nodeId(),
            task.attempt(),
            failure,
            null,
            2,
            Instant.now()));
  }

  /** Every event up to and including the first of {@code type}. */
  List<RunEvent> awaitEvent(RunEventType type) {
    return await()
        .atMost(WAIT)
        .until(
            () -> topics.events(execution),
            events -> events.stream().anyMatch(e -> e.eventType() == type));
  }
}
