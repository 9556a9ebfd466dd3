package ai.iceos.bench;

import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.contracts.messaging.serde.RunEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The run events of a set of executions as an auditor reads them from the topic: every copy,
 * redeliveries included. An event is identified by (execution, sequence); copies of it must be the
 * same event.
 */
final class EventAudit {
  private final Map<String, Map<Long, Set<String>>> bySequence = new HashMap<>();
  private int eventCount;

  private EventAudit() {}

  /** Reads from the beginning until every execution has its terminal event (then 2 s more). */
  static EventAudit read(String bootstrap, Set<String> executionIds, Duration timeout) {
    EventAudit audit = new EventAudit();
    Set<String> terminal = new HashSet<>();
    try (KafkaConsumer<String, RunEvent> consumer = consumer(bootstrap)) {
      long deadline = System.nanoTime() + timeout.toNanos();
      long until = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, until)) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          RunEvent event = record.value();
          if (event != null && executionIds.contains(event.executionId())) {
            audit.add(event);
            if (event.eventType().isTerminal()) {
              terminal.add(event.executionId());
            }
          }
        }
        if (until == Long.MAX_VALUE && terminal.containsAll(executionIds)) {
          until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        }
      }
    }
    executionIds.forEach(id -> audit.bySequence.computeIfAbsent(id, k -> new TreeMap<>()));
    return audit;
  }

  private static KafkaConsumer<String, RunEvent> consumer(String bootstrap) {
    var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "chaos-audit-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new RunEventDeserializer());
    consumer.subscribe(List.of(Topics.RUN_EVENTS));
    return consumer;
  }

  private void add(RunEvent event) {
    eventCount++;
    bySequence
        .computeIfAbsent(event.executionId(), id -> new TreeMap<>())
        .computeIfAbsent(event.sequence(), s -> new HashSet<>())
        .add(event.eventType() + " " + event.nodeId());
  }

  int eventCount() {
    return eventCount;
  }

  /** Records beyond the first copy of each (execution, sequence). */
  long redeliveredCopies() {
    return eventCount - bySequence.values().stream().mapToLong(Map::size).sum();
  }

  /** Everything that breaks exactly-once: gaps, two events on one sequence, nodes not done once. */
  List<String> violations(int nodes) {
    List<String> violations = new ArrayList<>();
    bySequence.forEach(
        (executionId, events) -> {
          long expected = 1;
          for (var entry : events.entrySet()) {
            if (entry.getKey() != expected) {
              violations.add(executionId + ": sequence jumps to " + entry.getKey());
            }
            if (entry.getValue().size() > 1) {
              violations.add(
                  executionId + ": sequence " + entry.getKey() + " is " + entry.getValue());
            }
            expected = entry.getKey() + 1;
          }
          Map<String, Long> completions = new HashMap<>();
          events.values().stream()
              .flatMap(Set::stream)
              .filter(e -> e.startsWith(RunEventType.NODE_COMPLETED + " "))
              .forEach(e -> completions.merge(e, 1L, Long::sum));
          for (int i = 0; i < nodes; i++) {
            long count = completions.getOrDefault(RunEventType.NODE_COMPLETED + " n" + i, 0L);
            if (count != 1) {
              violations.add(executionId + ": node n" + i + " completed " + count + " times");
            }
          }
        });
    return violations;
  }
}
