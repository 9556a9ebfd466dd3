package ai.iceos.blueprint.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import ai.iceos.blueprint.CompilerDouble;
import ai.iceos.blueprint.TestKafka;
import ai.iceos.blueprint.Tokens;
import ai.iceos.blueprint.execution.Plans;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.testkit.KafkaPostgresResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class ExecutionFlowIT {
  private static final String INPUTS_SCHEMA =
      "{\"type\":\"object\",\"required\":[\"name\"],\"properties\":{\"name\":{\"type\":\"string\"}}}";

  @Inject Pool pool;

  @BeforeEach
  void setUp() {
    Tokens.configure(pool);
    TestKafka.follow(Topics.BLUEPRINT_COMMANDS);
    TestKafka.follow(Topics.RUN_COMMANDS);
  }

  @Test
  void shouldStartRunAndShowTheViewFoldedFromRunEvents() {
    // given
    String blueprintId = compiledBlueprint();

    // when
    Response started = api().body(startBody(blueprintId)).post("/api/v1/executions");

    // then
    started.then().statusCode(202).body("status", equalTo("pending"));
    String id = started.jsonPath().getString("execution_id");
    assertThat(started.jsonPath().getString("status_endpoint"))
        .isEqualTo("/api/v1/executions/" + id);
    JsonNode startRun = TestKafka.awaitRecord(Topics.RUN_COMMANDS, r -> id.equals(r.key()));
    assertThat(startRun.path("type").asText()).isEqualTo("run.start");
    assertThat(startRun.path("blueprint_id").asText()).isEqualTo(blueprintId);
    assertThat(startRun.path("inputs").path("name").asText()).isEqualTo("ada");
    assertThat(startRun.path("plan").path("levels").size()).isEqualTo(2);
    api()
        .get("/api/v1/executions/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("pending"))
        .body("nodes.b.status", equalTo("pending"))
        .body("nodes.b.level", equalTo(1))
        .body("nodes.b.type", equalTo("tool"));

    // when: events arrive out of order and one twice
    sendEvent(id, 1, RunEventType.WORKFLOW_STARTED, null, "{}");
    sendEvent(
        id,
        3,
        RunEventType.NODE_COMPLETED,
        "a",
        "{\"attempt\":1,\"output\":{\"echo\":\"ada\"},\"duration_ms\":4,\"cache_hit\":false}");
    sendEvent(id, 2, RunEventType.NODE_STARTED, "a", "{\"attempt\":1,\"worker_id\":\"w1\"}");
    sendEvent(id, 2, RunEventType.NODE_STARTED, "a", "{\"attempt\":1,\"worker_id\":\"w1\"}");
    sendEvent(
        id,
        4,
        RunEventType.NODE_FAILED,
        "b",
        "{\"attempt\":1,\"error\":\"boom\",\"duration_ms\":2}");
    sendEvent(
        id,
        5,
        RunEventType.WORKFLOW_FAILED,
        null,
        "{\"errors\":[\"Node b failed: boom\"],\"output\":{\"a\":{\"echo\":\"ada\"}}}");

    // then
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                api()
                    .get("/api/v1/executions/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("failed")));
    api()
        .get("/api/v1/executions/" + id)
        .then()
        .body("execution_id", equalTo(id))
        .body("blueprint_id", equalTo(blueprintId))
        .body("nodes.a.status", equalTo("succeeded"))
        .body("nodes.a.attempts", equalTo(1))
        .body("nodes.a.output.echo", equalTo("ada"))
        .body("nodes.b.status", equalTo("failed"))
        .body("nodes.b.error", equalTo("boom"))
        .body("result.success", equalTo(false))
        .body("result.error", equalTo("Node b failed: boom"))
        .body("result.output.a.echo", equalTo("ada"));
    given()
        .header("Authorization", Tokens.bearer(Tokens.GLOBEX))
        .get("/api/v1/executions/" + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldReturnTheFinalViewWhenWaitingAndTheEndArrives() {
    String blueprintId = compiledBlueprint();
    CompletableFuture<Response> waiting =
        CompletableFuture.supplyAsync(
            () ->
                api()
                    .body(startBody(blueprintId))
                    .post("/api/v1/executions?wait_seconds=30")
                    .andReturn());
    String id =
        TestKafka.awaitRecord(
                Topics.RUN_COMMANDS,
                r -> blueprintId.equals(r.value().path("blueprint_id").asText()))
            .path("execution_id")
            .asText();

    sendEvent(id, 1, RunEventType.WORKFLOW_STARTED, null, "{}");
    sendEvent(
        id,
        2,
        RunEventType.WORKFLOW_COMPLETED,
        null,
        "{\"output\":{\"a\":{\"x\":1}},\"usage\":{\"total_tokens\":0,\"cost_usd\":0}}");

    waiting
        .join()
        .then()
        .statusCode(200)
        .body("execution_id", equalTo(id))
        .body("status", equalTo("completed"))
        .body("result.success", equalTo(true))
        .body("result.error", nullValue());
  }

  @Test
  void shouldWakeAWaitingReadWhenTheTerminalEventArrives() {
    String blueprintId = compiledBlueprint();
    String id =
        api()
            .body(startBody(blueprintId))
            .post("/api/v1/executions")
            .then()
            .statusCode(202)
            .extract()
            .path("execution_id");
    CompletableFuture<Response> waiting =
        CompletableFuture.supplyAsync(
            () -> api().get("/api/v1/executions/" + id + "?wait_seconds=30").andReturn());

    sendEvent(id, 1, RunEventType.WORKFLOW_STARTED, null, "{}");
    sendEvent(id, 2, RunEventType.WORKFLOW_CANCELLED, null, "{\"reason\":\"test\"}");

    waiting.join().then().statusCode(200).body("status", equalTo("cancelled"));
  }

  @Test
  void shouldReturnTheSameExecutionForTheSameIdempotencyKey() {
    String blueprintId = compiledBlueprint();
    String key = UUID.randomUUID().toString();

    String first =
        api()
            .header("Idempotency-Key", key)
            .body(startBody(blueprintId))
            .post("/api/v1/executions")
            .then()
            .statusCode(202)
            .extract()
            .path("execution_id");
    String second =
        api()
            .header("Idempotency-Key", key)
            .body(startBody(blueprintId))
            .post("/api/v1/executions")
            .then()
            .statusCode(202)
            .extract()
            .path("execution_id");

    assertThat(second).isEqualTo(first);
  }

  @Test
  void shouldRejectInvalidInputsWithPointers() {
    String blueprintId = compiledBlueprint();

    api()
        .body("{\"blueprint_id\":\"" + blueprintId + "\",\"inputs\":{\"name\":7}}")
        .post("/api/v1/executions")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://iceos.ai/problems/invalid-inputs"))
        .body("errors[0].pointer", equalTo("/inputs/name"));
    api()
        .body("{\"inputs\":{}}")
        .post("/api/v1/executions")
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/blueprint_id"));
  }

  @Test
  void shouldAnswer404ForAnUnknownBlueprintAnd409ForAPendingOne() {
    api()
        .body("{\"blueprint_id\":\"" + UUID.randomUUID() + "\"}")
        .post("/api/v1/executions")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");

    String pending =
        CompilerDouble.create(Tokens.ACME, CompilerDouble.document(UUID.randomUUID().toString()))
            .join()
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    api()
        .body("{\"blueprint_id\":\"" + pending + "\"}")
        .post("/api/v1/executions")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://iceos.ai/problems/blueprint-not-compiled"));
  }

  @Test
  void shouldStartTheRevisionTheVersionLockNamesAnd409ForALockItNeverHad() {
    // given: revision 1 compiled, then replaced by a compiled revision 2
    Response created = CompilerDouble.createCompiled(Tokens.ACME, CompilerDouble.plan(null));
    String blueprintId = created.jsonPath().getString("id");
    String firstLock = created.jsonPath().getString("version_lock");
    String secondLock =
        CompilerDouble.replaceCompiled(
                Tokens.ACME, blueprintId, firstLock, CompilerDouble.plan(null))
            .then()
            .statusCode(200)
            .extract()
            .path("version_lock");

    // when
    String pinned =
        start("{\"blueprint_id\":\"" + blueprintId + "\",\"version_lock\":\"" + firstLock + "\"}");
    String current = start("{\"blueprint_id\":\"" + blueprintId + "\"}");

    // then
    assertThat(startRunLock(pinned)).isEqualTo(firstLock);
    assertThat(startRunLock(current)).isEqualTo(secondLock);
    api().get("/api/v1/executions/" + pinned).then().body("version_lock", equalTo(firstLock));
    api()
        .body("{\"blueprint_id\":\"" + blueprintId + "\",\"version_lock\":\"never\"}")
        .post("/api/v1/executions")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://iceos.ai/problems/version-conflict"));
  }

  private static String start(String body) {
    return api()
        .body(body)
        .post("/api/v1/executions")
        .then()
        .statusCode(202)
        .extract()
        .path("execution_id");
  }

  private static String startRunLock(String executionId) {
    return TestKafka.awaitRecord(Topics.RUN_COMMANDS, r -> executionId.equals(r.key()))
        .path("version_lock")
        .asText();
  }

  @Test
  void shouldShowNestedNodesWithTheirPlannedTypeAndAWaitedNodeAsStarted() {
    // given
    String blueprintId =
        CompilerDouble.createCompiled(Tokens.ACME, Plans.loopAfterTool())
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String id =
        api()
            .body(startBody(blueprintId))
            .post("/api/v1/executions")
            .then()
            .statusCode(202)
            .extract()
            .path("execution_id");

    // when
    sendEvent(id, 1, RunEventType.WORKFLOW_STARTED, null, "{}");
    sendEvent(id, 2, RunEventType.NODE_WAITING, "a", "{\"prompt_message\":\"ok?\"}");
    sendEvent(id, 3, RunEventType.NODE_COMPLETED, "a", "{\"attempt\":1,\"duration_ms\":7}");
    sendEvent(
        id,
        4,
        RunEventType.NODE_QUEUED,
        "each[0].double",
        "{\"attempt\":1,\"level\":1,\"parent\":\"each[0]\"}");

    // then
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                api()
                    .get("/api/v1/executions/" + id)
                    .then()
                    .statusCode(200)
                    .body("nodes.'each[0].double'.status", equalTo("queued"))
                    .body("nodes.'each[0].double'.type", equalTo("tool"))
                    .body("nodes.'each[0].double'.level", equalTo(1))
                    .body("nodes.a.status", equalTo("succeeded"))
                    .body("nodes.a.started_at", notNullValue())
                    .body("nodes.a.duration_ms", equalTo(7)));
  }

  private static String compiledBlueprint() {
    return CompilerDouble.createCompiled(Tokens.ACME, CompilerDouble.plan(INPUTS_SCHEMA))
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String startBody(String blueprintId) {
    return "{\"blueprint_id\":\"" + blueprintId + "\",\"inputs\":{\"name\":\"ada\"}}";
  }

  private static void sendEvent(
      String executionId, long sequence, RunEventType type, String nodeId, String data) {
    TestKafka.send(
        Topics.RUN_EVENTS,
        executionId,
        new RunEvent(
            UUID.randomUUID(),
            executionId,
            sequence,
            type,
            nodeId,
            TestKafka.json(data),
            Instant.now()));
  }

  private static RequestSpecification api() {
    return given()
        .header("Authorization", Tokens.bearer(Tokens.ACME))
        .contentType("application/json");
  }
}
