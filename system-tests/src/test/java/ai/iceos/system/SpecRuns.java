package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs blueprints written as JSON text through the REST API and collects what a user sees of each
 * execution: its final view and its event stream (already checked for SPEC §4's shape).
 */
final class SpecRuns {
  private final IceosApi api;

  SpecRuns(IceosApi api) {
    this.api = api;
  }

  /** A finished execution. */
  record Run(String executionId, JsonNode view, RunEvents events) {
    String status() {
      return view.path("status").asText();
    }

    JsonNode node(String nodeId) {
      return view.path("nodes").path(nodeId);
    }

    String nodeStatus(String nodeId) {
      return node(nodeId).path("status").asText();
    }

    JsonNode output(String nodeId) {
      return node(nodeId).path("output");
    }

    String error(String nodeId) {
      return node(nodeId).path("error").asText();
    }

    /** Asserts the execution's final status, describing the result and events if it differs. */
    Run expectStatus(String expected) {
      assertThat(status())
          .as("status of the execution, result %s, events %s", view.path("result"), events.types())
          .isEqualTo(expected);
      return this;
    }

    /** Asserts a node's status, describing the node and the events if it differs. */
    Run expectNode(String nodeId, String expected) {
      assertThat(nodeStatus(nodeId))
          .as("status of %s: %s, events %s", nodeId, node(nodeId), events.types())
          .isEqualTo(expected);
      return this;
    }
  }

  /** Runs the blueprint with no inputs until it ends. */
  Run run(String blueprint) {
    return run(blueprint, "{}");
  }

  /** Runs the blueprint with these inputs until it ends. */
  Run run(String blueprint, String inputs) {
    return finish(start(blueprint, inputs));
  }

  /** Creates the blueprint (it must compile), starts it and returns the execution id. */
  String start(String blueprint, String inputs) {
    return startCompiled(api.createCompiled(json(blueprint)), inputs);
  }

  /**
   * Creates and starts the blueprint, then waits (bounded) until each of these nodes has this
   * status, polling the view; returns the execution id.
   */
  String startUntil(String blueprint, String status, String... nodeIds) {
    String executionId = start(blueprint, "{}");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                java.util.Arrays.stream(nodeIds)
                    .allMatch(node -> nodeStatus(executionId, node).equals(status)));
    return executionId;
  }

  /** Starts a compiled blueprint and returns the execution id. */
  String startCompiled(String blueprintId, String inputs) {
    return api.startExecution(blueprintId, json(inputs), 0)
        .expect(202)
        .json()
        .path("execution_id")
        .asText();
  }

  /** Waits (bounded) for the execution to end; its final view and every event. */
  Run finish(String executionId) {
    JsonNode view = api.execution(executionId, 60).expect(200).json();
    assertThat(view.path("status").asText())
        .as("final status of %s", view)
        .isIn("completed", "failed", "cancelled");
    RunEvents events = new RunEvents(api.events(executionId)).assertWellFormed(executionId);
    return new Run(executionId, view, events);
  }

  /** The current view of a running execution. */
  JsonNode view(String executionId) {
    return api.execution(executionId).expect(200).json();
  }

  /** A node's current status in the view of a running execution. */
  String nodeStatus(String executionId, String nodeId) {
    return view(executionId).path("nodes").path(nodeId).path("status").asText();
  }

  /** The strings of a JSON array. */
  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(value -> texts.add(value.asText()));
    return texts;
  }

  static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
