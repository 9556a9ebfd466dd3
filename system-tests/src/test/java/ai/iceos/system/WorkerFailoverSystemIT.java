package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.infra.LocalSystem;
import ai.iceos.infra.Replica;
import ai.iceos.infra.Service;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two node-worker processes share the task topic; one is killed with SIGKILL while both run nodes
 * and is not restarted. The survivor takes over its partitions, the tasks the dead one was running
 * are redelivered and finish there, and every node is recorded once.
 */
class WorkerFailoverSystemIT {
  private static final String REPLICA_ID = "worker-replica";
  private static final List<String> SLEEPS =
      IntStream.rangeClosed(1, 12).mapToObj(i -> "s" + i).toList();

  private final LocalSystem system = RunningSystem.get();
  private final IceosApi api = RunningSystem.api();

  @Test
  void shouldFinishTheKilledWorkersTasksOnTheOtherWorker() {
    // given: a second worker in the group, then twelve 20-second sleeps running at once
    Replica replica =
        system.startReplica(Service.NODE_WORKER, Map.of("ICEOS_WORKER_ID", REPLICA_ID));
    try {
      String executionId = api.startFixture("wide-fan-out.json");
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> SLEEPS.stream().allMatch(s -> "running".equals(nodeStatus(executionId, s))));

      // when: the original worker dies and stays dead
      system.killService(Service.NODE_WORKER);

      // then
      await()
          .atMost(Duration.ofSeconds(150))
          .until(
              () -> api.execution(executionId).json().path("status").asText().equals("completed"));
      JsonNode view = api.execution(executionId).json();
      assertThat(view.path("nodes").path("join").path("output").path("slept").asInt())
          .isEqualTo(240);
      List<RunEvent> events =
          RunEventLog.of(system.kafkaBootstrap(), executionId, Duration.ofSeconds(30));
      Map<String, Set<String>> workersByNode =
          NodeStartLog.workersByNode(system.kafkaBootstrap(), executionId);
      Set<String> workers =
          workersByNode.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
      assertThat(workers).as("both workers took tasks").hasSize(2).contains(REPLICA_ID);
      assertThat(workersByNode.values())
          .as("a task the killed worker was running was redelivered to the replica")
          .anySatisfy(started -> assertThat(started).hasSize(2));
      Map<String, Long> completions =
          events.stream()
              .filter(e -> e.eventType() == RunEventType.NODE_COMPLETED)
              .collect(
                  Collectors.groupingBy(
                      RunEvent::nodeId,
                      Collectors.collectingAndThen(
                          Collectors.mapping(RunEvent::sequence, Collectors.toSet()),
                          set -> (long) set.size())));
      assertThat(completions).hasSize(14).allSatisfy((node, count) -> assertThat(count).isOne());
    } finally {
      if (!system.isRunning(Service.NODE_WORKER)) {
        system.startService(Service.NODE_WORKER);
      }
      replica.stop(Duration.ofSeconds(15));
    }
  }

  private String nodeStatus(String executionId, String node) {
    return api.execution(executionId).json().path("nodes").path(node).path("status").asText();
  }
}
