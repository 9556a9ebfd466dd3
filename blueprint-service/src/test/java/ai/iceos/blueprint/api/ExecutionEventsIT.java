package ai.iceos.blueprint.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ai.iceos.blueprint.SchedulerDouble;
import ai.iceos.blueprint.TestKafka;
import ai.iceos.blueprint.Tokens;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.testkit.KafkaPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class ExecutionEventsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Inject Pool pool;

  @BeforeEach
  void setUp() {
    Tokens.configure(pool);
    TestKafka.follow(Topics.BLUEPRINT_COMMANDS);
  }

  /** One event as read off the stream. */
  record Received(String id, String event, String data) {}

  @Test
  void shouldResumeAfterLastEventIdWithEveryRemainingEventExactlyOnce() throws Exception {
    // given: three events stored, a client reads them and disconnects
    String id = SchedulerDouble.start(Tokens.ACME, SchedulerDouble.compiledBlueprint(Tokens.ACME));
    SchedulerDouble.event(id, 1, RunEventType.WORKFLOW_STARTED, null);
    SchedulerDouble.event(id, 2, RunEventType.NODE_STARTED, "a");
    SchedulerDouble.event(id, 3, RunEventType.NODE_COMPLETED, "a");
    List<Received> before;
    HttpResponse<InputStream> first = open(id, null);
    try (BufferedReader reader = reader(first)) {
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.headers().firstValue("content-type").orElse(""))
          .startsWith("text/event-stream");
      before = read(reader, 3);
    }

    // when: more events arrive while disconnected (one twice, one early), then the client is back
    SchedulerDouble.event(id, 5, RunEventType.NODE_COMPLETED, "b");
    SchedulerDouble.event(id, 4, RunEventType.NODE_STARTED, "b");
    SchedulerDouble.event(id, 4, RunEventType.NODE_STARTED, "b");
    HttpResponse<InputStream> second = open(id, before.get(2).id());
    List<Received> after;
    try (BufferedReader reader = reader(second)) {
      after = new ArrayList<>(read(reader, 2));
      SchedulerDouble.event(id, 6, RunEventType.WORKFLOW_COMPLETED, null);
      after.addAll(read(reader, 1));
      // then: the stream ends after the terminal event
      assertThat(reader.lines().filter(l -> l.startsWith("id:")).count()).isZero();
    }

    // then
    assertThat(before).extracting(Received::id).containsExactly("1", "2", "3");
    assertThat(before)
        .extracting(Received::event)
        .containsExactly("workflow.started", "node.started", "node.completed");
    assertThat(after).extracting(Received::id).containsExactly("4", "5", "6");
    assertThat(after.get(2).event()).isEqualTo("workflow.completed");
    assertThat(TestKafka.json(after.get(0).data()).path("node_id").asText()).isEqualTo("b");
    assertThat(TestKafka.json(after.get(0).data()).path("execution_id").asText()).isEqualTo(id);
    assertThat(TestKafka.json(after.get(0).data()).path("sequence").asLong()).isEqualTo(4);
  }

  @Test
  void shouldReplayAFinishedExecutionAndEnd() throws Exception {
    String id = SchedulerDouble.start(Tokens.ACME, SchedulerDouble.compiledBlueprint(Tokens.ACME));
    SchedulerDouble.event(id, 1, RunEventType.WORKFLOW_STARTED, null);
    SchedulerDouble.event(id, 2, RunEventType.WORKFLOW_CANCELLED, null);

    HttpResponse<InputStream> response = open(id, null);
    List<Received> events;
    try (BufferedReader reader = reader(response)) {
      events = read(reader, 2);
      assertThat(reader.lines().filter(l -> l.startsWith("id:")).count()).isZero();
    }
    assertThat(events)
        .extracting(Received::event)
        .containsExactly("workflow.started", "workflow.cancelled");

    HttpResponse<InputStream> resumed =
        HTTP.send(
            request(URI.create(base() + id + "/events?last_event_id=2")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader reader = reader(resumed)) {
      assertThat(reader.lines().filter(l -> l.startsWith("id:")).count()).isZero();
    }
  }

  @Test
  void shouldContinueAFailedExecutionsStreamWithTheEventsOfItsRetry() throws Exception {
    // given: a failed execution whose stream ended after workflow.failed
    String id = SchedulerDouble.start(Tokens.ACME, SchedulerDouble.compiledBlueprint(Tokens.ACME));
    SchedulerDouble.event(id, 1, RunEventType.WORKFLOW_STARTED, null);
    SchedulerDouble.event(id, 2, RunEventType.NODE_FAILED, "a");
    SchedulerDouble.event(id, 3, RunEventType.WORKFLOW_FAILED, null);
    HttpResponse<InputStream> first = open(id, null);
    try (BufferedReader reader = reader(first)) {
      assertThat(read(reader, 3)).extracting(Received::event).endsWith("workflow.failed");
      assertThat(reader.lines().filter(l -> l.startsWith("id:")).count()).isZero();
    }

    // when: the client reconnects before the scheduler has reported the retry, then it does
    CompletableFuture<HttpResponse<InputStream>> second = openAsync(id, "3");
    TestKafka.send(
        Topics.RUN_EVENTS,
        id,
        new RunEvent(
            UUID.randomUUID(),
            id,
            4,
            RunEventType.WORKFLOW_RESUMED,
            null,
            TestKafka.json("{\"reason\":\"retry\",\"retry\":1,\"reset_nodes\":[\"a\"]}"),
            Instant.now()));
    SchedulerDouble.event(id, 5, RunEventType.NODE_STARTED, "a");
    SchedulerDouble.event(id, 6, RunEventType.WORKFLOW_COMPLETED, null);

    // then: it gets the retry's events up to the new terminal event, then the stream ends
    List<Received> after;
    try (BufferedReader reader = reader(second.get(60, TimeUnit.SECONDS))) {
      after = read(reader, 3);
      assertThat(reader.lines().filter(l -> l.startsWith("id:")).count()).isZero();
    }
    assertThat(after).extracting(Received::id).containsExactly("4", "5", "6");
    assertThat(after)
        .extracting(Received::event)
        .containsExactly("workflow.resumed", "node.started", "workflow.completed");
    assertThat(TestKafka.json(after.get(0).data()).path("data").path("reason").asText())
        .isEqualTo("retry");
    // and the view was reopened: a runs again instead of staying failed
    given()
        .header("Authorization", Tokens.bearer(Tokens.ACME))
        .get("/api/v1/executions/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("completed"))
        .body("nodes.a.status", equalTo("running"))
        .body("nodes.a.error", nullValue());
  }

  @Test
  void shouldAnswer404ProblemForAnotherOrgsExecution() {
    String id = SchedulerDouble.start(Tokens.ACME, SchedulerDouble.compiledBlueprint(Tokens.ACME));
    given()
        .header("Authorization", Tokens.bearer(Tokens.GLOBEX))
        .accept("text/event-stream")
        .get("/api/v1/executions/" + id + "/events")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private static HttpResponse<InputStream> open(String id, String lastEventId) throws Exception {
    HttpRequest.Builder request = request(URI.create(base() + id + "/events"));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private static CompletableFuture<HttpResponse<InputStream>> openAsync(
      String id, String lastEventId) {
    return HTTP.sendAsync(
        request(URI.create(base() + id + "/events")).header("Last-Event-ID", lastEventId).build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  private static HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", Tokens.bearer(Tokens.ACME))
        .header("Accept", "text/event-stream");
  }

  private static String base() {
    return "http://localhost:" + RestAssured.port + "/api/v1/executions/";
  }

  private static BufferedReader reader(HttpResponse<InputStream> response) {
    return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
  }

  /** Reads {@code count} events (comments skipped). */
  private static List<Received> read(BufferedReader reader, int count) throws IOException {
    List<Received> events = new ArrayList<>();
    String id = null;
    String event = null;
    StringBuilder data = new StringBuilder();
    while (events.size() < count) {
      String line = reader.readLine();
      assertThat(line).as("stream ended early").isNotNull();
      if (line.isEmpty()) {
        if (id != null) {
          events.add(new Received(id, event, data.toString()));
        }
        id = null;
        event = null;
        data.setLength(0);
      } else if (line.startsWith("id:")) {
        id = line.substring(3).trim();
      } else if (line.startsWith("event:")) {
        event = line.substring(6).trim();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).trim());
      }
    }
    return events;
  }
}
