package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.infra.LocalSystem;
import ai.iceos.infra.Service;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A node-worker killed with SIGKILL while it runs nodes: its tasks are redelivered to the restarted
 * worker, the execution completes, and every node is recorded exactly once.
 */
class WorkerCrashSystemIT {
  private final LocalSystem system = RunningSystem.get();
  private final IceosApi api = RunningSystem.api();

  @Test
  void shouldCompleteEveryNodeOnceWhenTheWorkerIsKilledMidRun() {
    // given: four 4-second sleeps running in parallel on the worker
    String executionId = api.startFixture("slow-fan-out.json");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "running".equals(nodeStatus(executionId, "s1")));

    // when
    system.killService(Service.NODE_WORKER);
    system.startService(Service.NODE_WORKER);

    // then
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> api.execution(executionId).json().path("status").asText().equals("completed"));
    JsonNode view = api.execution(executionId).json();
    for (String node : List.of("start", "s1", "s2", "s3", "s4", "join")) {
      assertThat(view.path("nodes").path(node).path("status").asText())
          .as("status of %s", node)
          .isEqualTo("succeeded");
    }
    assertThat(view.path("nodes").path("join").path("output").path("slept").asInt()).isEqualTo(16);

    List<RunEvent> events =
        RunEventLog.of(system.kafkaBootstrap(), executionId, Duration.ofSeconds(30));
    // Kafka delivers at least once, so the same event (same sequence) may be on the topic twice;
    // what must hold is one completion per node and one gap-free sequence.
    Map<String, Long> completions =
        events.stream()
            .filter(e -> e.eventType() == RunEventType.NODE_COMPLETED)
            .collect(
                Collectors.groupingBy(
                    RunEvent::nodeId,
                    Collectors.collectingAndThen(
                        Collectors.mapping(RunEvent::sequence, Collectors.toSet()),
                        set -> (long) set.size())));
    assertThat(completions)
        .containsOnlyKeys("start", "s1", "s2", "s3", "s4", "join")
        .allSatisfy((node, count) -> assertThat(count).as("completions of %s", node).isOne());
    Map<Long, Long> sequences =
        events.stream().collect(Collectors.groupingBy(RunEvent::sequence, Collectors.counting()));
    assertThat(sequences.keySet())
        .as("gap-free sequence")
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.LongStream.rangeClosed(1, sequences.size()).boxed().toList());
  }

  private String nodeStatus(String executionId, String node) {
    return api.execution(executionId).json().path("nodes").path(node).path("status").asText();
  }
}
