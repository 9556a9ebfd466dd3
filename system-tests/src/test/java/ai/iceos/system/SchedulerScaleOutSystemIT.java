package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.infra.LocalSystem;
import ai.iceos.infra.Replica;
import ai.iceos.infra.Service;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;

/**
 * Issue #8's scale-out: two scheduler-service processes share the work through their consumer
 * group. Executions keyed by id land on both; then one instance is killed with SIGKILL and not
 * restarted, and the survivor takes over its partitions and finishes its executions. Every
 * execution completes, and its events on the topic form one history: gap-free sequences, one
 * terminal event, each node completed once (a copy re-sent by the outbox is the same event).
 */
class SchedulerScaleOutSystemIT {
  private static final String GROUP = "scheduler-service";
  private static final int EXECUTIONS = 16;
  private static final String BLUEPRINT =
      """
      {"cache": false, "nodes": [
        {"id": "start", "type": "tool", "tool_name": "echo", "tool_args": {"go": true}},
        {"id": "a", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 2}, "dependencies": ["start"]},
        {"id": "b", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 2}, "dependencies": ["start"]},
        {"id": "c", "type": "tool", "tool_name": "sleep", "tool_args": {"seconds": 2}, "dependencies": ["a", "b"]},
        {"id": "join", "type": "tool", "tool_name": "echo", "dependencies": ["a", "b", "c"],
         "tool_args": {"slept": "{{ a.slept + b.slept + c.slept }}"}}
      ]}
      """;

  private final LocalSystem system = RunningSystem.get();
  private final IceosApi api = RunningSystem.api();

  @Test
  void shouldShareExecutionsBetweenSchedulersAndFinishTheKilledOnesOnTheOther() {
    // given: a second scheduler that has joined the group and holds partitions of its own
    Replica replica = system.startReplica(Service.SCHEDULER_SERVICE, Map.of());
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> membersWithPartitions() >= 2);
      String blueprintId = api.createCompiled(SpecRuns.json(BLUEPRINT));

      // when: executions start, and the replica dies once it is running some of them
      List<String> executions =
          IntStream.range(0, EXECUTIONS)
              .mapToObj(
                  i ->
                      api.startExecution(blueprintId, JsonNodeFactory.instance.objectNode(), 0)
                          .expect(202)
                          .json()
                          .path("execution_id")
                          .asText())
              .toList();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !handledIn(replica.logFile(), executions).isEmpty());
      Set<String> onReplica = handledIn(replica.logFile(), executions);
      replica.kill();

      // then: every execution completes, including those the replica had started
      await()
          .atMost(Duration.ofSeconds(300))
          .until(() -> executions.stream().allMatch(id -> "completed".equals(status(id))));
      assertThat(handledIn(system.logFile(Service.SCHEDULER_SERVICE), executions))
          .as("the surviving scheduler ran executions too")
          .isNotEmpty();
      assertThat(onReplica).as("the replica ran executions before it died").isNotEmpty();
      for (String executionId : executions) {
        assertOneHistory(executionId);
        assertThat(
                api.execution(executionId)
                    .json()
                    .path("nodes")
                    .path("join")
                    .path("output")
                    .path("slept")
                    .asInt())
            .isEqualTo(6);
      }
    } finally {
      replica.stop(Duration.ofSeconds(15));
    }
  }

  /** Copies of one event (the outbox sends at least once) are equal; nothing else repeats. */
  private void assertOneHistory(String executionId) {
    List<RunEvent> events =
        RunEventLog.of(system.kafkaBootstrap(), executionId, Duration.ofSeconds(60));
    Map<Long, List<RunEvent>> bySequence =
        events.stream().collect(Collectors.groupingBy(RunEvent::sequence));
    assertThat(bySequence.values())
        .as("copies of one sequence number are one event in %s", executionId)
        .allSatisfy(
            copies -> assertThat(copies.stream().map(RunEvent::messageId).distinct()).hasSize(1));
    List<RunEvent> history =
        bySequence.values().stream()
            .map(List::getFirst)
            .sorted((x, y) -> Long.compare(x.sequence(), y.sequence()))
            .toList();
    assertThat(history.stream().map(RunEvent::sequence))
        .as("gap-free sequences of %s", executionId)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, history.size()).boxed().toList());
    assertThat(history.stream().filter(e -> e.eventType().isTerminal()))
        .as("one terminal event of %s", executionId)
        .singleElement()
        .extracting(RunEvent::eventType)
        .isEqualTo(RunEventType.WORKFLOW_COMPLETED);
    Map<String, Long> completions =
        history.stream()
            .filter(e -> e.eventType() == RunEventType.NODE_COMPLETED)
            .collect(Collectors.groupingBy(RunEvent::nodeId, Collectors.counting()));
    assertThat(completions)
        .as("each node of %s completed once", executionId)
        .containsOnlyKeys("start", "a", "b", "c", "join")
        .allSatisfy((node, count) -> assertThat(count).isOne());
  }

  /** The executions whose status changes this scheduler logged ("Execution <id> is running"). */
  private static Set<String> handledIn(Path log, List<String> executions) {
    String text = read(log);
    return executions.stream()
        .filter(id -> text.contains("Execution " + id + " is "))
        .collect(Collectors.toSet());
  }

  /**
   * How many consumers of the group hold partitions of the run-commands topic (one per process).
   */
  private int membersWithPartitions() throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap());
    try (Admin admin = Admin.create(props)) {
      ConsumerGroupDescription group =
          admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP).get();
      return (int)
          group.members().stream()
              .filter(
                  m ->
                      m.assignment().topicPartitions().stream()
                          .anyMatch(p -> p.topic().equals(Topics.RUN_COMMANDS)))
              .count();
    }
  }

  private String status(String executionId) {
    return api.execution(executionId).json().path("status").asText();
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
