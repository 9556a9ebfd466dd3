package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/** The run events of one finished execution, in stream order, with the queries tests need. */
record RunEvents(List<JsonNode> all) {
  private static final Set<String> TERMINAL =
      Set.of("workflow.completed", "workflow.failed", "workflow.cancelled");
  private static final Set<String> NODE_FINAL =
      Set.of("node.completed", "node.failed", "node.skipped");

  /** Events of this type, in order. */
  List<JsonNode> of(String type) {
    return all.stream().filter(e -> type.equals(e.path("event_type").asText())).toList();
  }

  /** Events of this type about this node (path id), in order. */
  List<JsonNode> of(String type, String nodeId) {
    return of(type).stream().filter(e -> nodeId.equals(e.path("node_id").asText())).toList();
  }

  /** The one event of this type about this node. */
  JsonNode one(String type, String nodeId) {
    List<JsonNode> found = of(type, nodeId);
    assertThat(found).as("%s events of %s in %s", type, nodeId, types()).hasSize(1);
    return found.getFirst();
  }

  /** The sequence of the one event of this type about this node. */
  long seq(String type, String nodeId) {
    return one(type, nodeId).path("sequence").asLong();
  }

  /** The sequence of the one event of this type about the whole execution. */
  long seq(String type) {
    List<JsonNode> found = of(type);
    assertThat(found).as("%s events", type).hasSize(1);
    return found.getFirst().path("sequence").asLong();
  }

  /** The types of the {@code node.*} events of one node, in order. */
  List<String> nodeTypes(String nodeId) {
    return all.stream()
        .filter(e -> nodeId.equals(e.path("node_id").asText()))
        .map(e -> e.path("event_type").asText())
        .filter(type -> type.startsWith("node."))
        .toList();
  }

  /** Every event's type, in order, with its node when it has one (for failure messages). */
  List<String> types() {
    return all.stream()
        .map(
            e ->
                e.path("event_type").asText()
                    + (e.hasNonNull("node_id") ? "(" + e.path("node_id").asText() + ")" : ""))
        .toList();
  }

  /** The node ids that got an event of this type. */
  Set<String> nodesWith(String type) {
    Set<String> nodes = new HashSet<>();
    of(type).forEach(e -> nodes.add(e.path("node_id").asText()));
    return nodes;
  }

  /**
   * The most nodes running at once, replaying {@code node.started} against the events that end an
   * attempt.
   */
  int maxRunningAtOnce() {
    Set<String> running = new HashSet<>();
    int max = 0;
    for (JsonNode event : all) {
      String type = event.path("event_type").asText();
      String node = event.path("node_id").asText();
      if (type.equals("node.started")
          && !"scheduler".equals(event.path("data").path("worker_id").asText())) {
        running.add(node);
        max = Math.max(max, running.size());
      } else if (NODE_FINAL.contains(type) || type.equals("node.retrying")) {
        running.remove(node);
      }
    }
    return max;
  }

  /**
   * What holds for every execution (SPEC §4, §2.10): one execution, sequences 1..n in order, {@code
   * workflow.started} first and one terminal event last, each node ends at most once and gets no
   * node event after that, and every start follows the queueing of the same attempt.
   */
  RunEvents assertWellFormed(String executionId) {
    assertThat(all).as("events").isNotEmpty();
    assertThat(all)
        .allSatisfy(e -> assertThat(e.path("execution_id").asText()).isEqualTo(executionId));
    assertThat(all.stream().map(e -> e.path("sequence").asLong()).toList())
        .as("gap-free sequence in order: %s", types())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
    assertThat(all.getFirst().path("event_type").asText()).isEqualTo("workflow.started");
    assertThat(TERMINAL).contains(all.getLast().path("event_type").asText());
    assertThat(all.stream().filter(e -> TERMINAL.contains(e.path("event_type").asText())))
        .as("one terminal event: %s", types())
        .hasSize(1);
    Map<String, Integer> queuedAttempt = new HashMap<>();
    Set<String> ended = new HashSet<>();
    for (JsonNode event : all) {
      String type = event.path("event_type").asText();
      String node = event.path("node_id").asText(null);
      if (node == null || !type.startsWith("node.")) {
        continue;
      }
      assertThat(ended).as("%s after %s ended: %s", type, node, types()).doesNotContain(node);
      int attempt = event.path("data").path("attempt").asInt();
      if (type.equals("node.queued")) {
        queuedAttempt.put(node, attempt);
      } else if (type.equals("node.started")) {
        assertThat(queuedAttempt.get(node)).as("queued attempt of %s", node).isEqualTo(attempt);
      }
      if (NODE_FINAL.contains(type)) {
        ended.add(node);
      }
    }
    return this;
  }
}
