package ai.iceos.system;

import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeStarted;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.contracts.messaging.serde.NodeOutcomeDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which workers started each node of one execution, read from the workers' own {@code NodeStarted}
 * messages on the outcome topic and from the ends that report their start (a quick attempt has only
 * its end, decision 0104), redelivered attempts included (the scheduler applies only the first of
 * them, so run events alone cannot show a redelivery).
 */
final class NodeStartLog {
  private NodeStartLog() {}

  /**
   * Worker ids per node id; reads until the topic, once reached, has been quiet for two seconds
   * (joining the group can itself take seconds on a loaded machine), at most a minute.
   */
  static Map<String, Set<String>> workersByNode(String bootstrap, String executionId) {
    Map<String, Set<String>> workers = new HashMap<>();
    for (NodeOutcome outcome : outcomes(bootstrap, executionId)) {
      String worker =
          switch (outcome) {
            case NodeStarted started -> started.workerId();
            case NodeCompleted completed -> completed.workerId();
            case NodeFailed failed -> failed.workerId();
            default -> null;
          };
      if (worker != null) {
        workers.computeIfAbsent(outcome.nodeId(), id -> new HashSet<>()).add(worker);
      }
    }
    return workers;
  }

  /**
   * Every report the workers sent about the execution's attempts, in topic order; read like {@link
   * #workersByNode}.
   */
  static List<NodeOutcome> outcomes(String bootstrap, String executionId) {
    List<NodeOutcome> outcomes = new ArrayList<>();
    try (var consumer =
        AuditConsumer.of(bootstrap, Topics.NODE_OUTCOMES, new NodeOutcomeDeserializer())) {
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      long quiet = Duration.ofSeconds(2).toNanos();
      long lastRecordAt = 0;
      while (System.nanoTime() < deadline
          && (lastRecordAt == 0 || System.nanoTime() - lastRecordAt < quiet)) {
        var records = consumer.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          lastRecordAt = System.nanoTime();
        }
        for (var record : records) {
          if (record.value() != null && executionId.equals(record.value().executionId())) {
            outcomes.add(record.value());
          }
        }
      }
    }
    return outcomes;
  }
}
