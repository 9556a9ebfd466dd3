package ai.iceos.system;

import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.contracts.messaging.serde.RunEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the run events of one execution straight from the broker, as an auditor would. */
final class RunEventLog {
  private RunEventLog() {}

  /** Every event of the execution on the topic, in topic order, once the terminal one is seen. */
  static List<RunEvent> of(String bootstrap, String executionId, Duration timeout) {
    try (var consumer =
        AuditConsumer.of(bootstrap, Topics.RUN_EVENTS, new RunEventDeserializer())) {
      List<RunEvent> events = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          if (executionId.equals(record.key())) {
            events.add(record.value());
          }
        }
        if (events.stream().anyMatch(e -> e.eventType().isTerminal())) {
          // Read a little longer: a duplicate published after the terminal event must show up too.
          consumer
              .poll(Duration.ofSeconds(2))
              .forEach(
                  r -> {
                    if (executionId.equals(r.key())) {
                      events.add(r.value());
                    }
                  });
          return events;
        }
      }
      throw new AssertionError("no terminal event for " + executionId + " within " + timeout);
    }
  }
}
