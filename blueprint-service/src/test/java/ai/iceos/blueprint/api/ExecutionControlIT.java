package ai.iceos.blueprint.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import ai.iceos.blueprint.SchedulerDouble;
import ai.iceos.blueprint.TestKafka;
import ai.iceos.blueprint.Tokens;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class ExecutionControlIT {
  @Inject Pool pool;

  @BeforeEach
  void setUp() {
    Tokens.configure(pool);
    TestKafka.follow(Topics.BLUEPRINT_COMMANDS);
    TestKafka.follow(Topics.RUN_COMMANDS);
  }

  @Test
  void shouldCancelARunningExecutionAndRefuseOnceFinished() {
    // given
    String id = SchedulerDouble.start(Tokens.ACME, SchedulerDouble.compiledBlueprint(Tokens.ACME));
    SchedulerDouble.event(id, 1, RunEventType.WORKFLOW_STARTED, null);

    // when
    Response cancel = api().post("/api/v1/executions/" + id + "/cancel");

    // then
    cancel.then().statusCode(202).body("execution_id", equalTo(id));
    JsonNode command =
        TestKafka.awaitRecord(
            Topics.RUN_COMMANDS,
            r -> id.equals(r.key()) && "run.cancel".equals(r.value().path("type").asText()));
    assertThat(command.path("execution_id").asText()).isEqualTo(id);

    SchedulerDouble.event(id, 2, RunEventType.WORKFLOW_CANCELLED, null);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                api()
                    .post("/api/v1/executions/" + id + "/cancel")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://iceos.ai/problems/execution-state")));
    given()
        .header("Authorization", Tokens.bearer(Tokens.GLOBEX))
        .post("/api/v1/executions/" + id + "/cancel")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldSendRetryResumeAndDecisionOnlyWhenTheyApply() {
    // given
    String id = SchedulerDouble.start(Tokens.ACME, SchedulerDouble.compiledBlueprint(Tokens.ACME));
    SchedulerDouble.event(id, 1, RunEventType.WORKFLOW_STARTED, null);

    // then: nothing to retry, resume or decide yet
    api().post("/api/v1/executions/" + id + "/retry").then().statusCode(409);
    api().post("/api/v1/executions/" + id + "/resume").then().statusCode(409);
    api()
        .body("{\"approved\": true}")
        .post("/api/v1/executions/" + id + "/nodes/a/decision")
        .then()
        .statusCode(409);
    api()
        .body("{\"approved\": true}")
        .post("/api/v1/executions/" + id + "/nodes/nope/decision")
        .then()
        .statusCode(404);
    api()
        .body("{\"approved\": \"yes\"}")
        .post("/api/v1/executions/" + id + "/nodes/a/decision")
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/approved"));

    // when: a waiting human node, a pause, a failure
    SchedulerDouble.event(id, 2, RunEventType.NODE_WAITING, "a");
    SchedulerDouble.event(id, 3, RunEventType.WORKFLOW_PAUSED, null);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> api().get("/api/v1/executions/" + id).then().body("status", equalTo("paused")));
    api()
        .body("{\"approved\": false, \"response\": \"too costly\"}")
        .post("/api/v1/executions/" + id + "/nodes/a/decision")
        .then()
        .statusCode(200)
        .body("node_id", equalTo("a"))
        .body("approved", equalTo(false));
    api().post("/api/v1/executions/" + id + "/resume").then().statusCode(202);
    SchedulerDouble.event(id, 4, RunEventType.WORKFLOW_FAILED, null);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> api().post("/api/v1/executions/" + id + "/retry").then().statusCode(202));

    // then
    JsonNode decision = command(id, "run.decision");
    assertThat(decision.path("node_id").asText()).isEqualTo("a");
    assertThat(decision.path("approved").asBoolean()).isFalse();
    assertThat(decision.path("response").asText()).isEqualTo("too costly");
    assertThat(command(id, "run.resume").path("execution_id").asText()).isEqualTo(id);
    assertThat(command(id, "run.retry").path("execution_id").asText()).isEqualTo(id);
  }

  @Test
  void shouldListExecutionsByBlueprintAndStatusPageByPage() {
    // given
    String token = Tokens.freshOrg(pool);
    String blueprint = SchedulerDouble.compiledBlueprint(token);
    String other = SchedulerDouble.compiledBlueprint(token);
    String first = SchedulerDouble.start(token, blueprint);
    String second = SchedulerDouble.start(token, blueprint);
    String third = SchedulerDouble.start(token, blueprint);
    String elsewhere = SchedulerDouble.start(token, other);
    SchedulerDouble.event(second, 1, RunEventType.WORKFLOW_STARTED, null);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(token)
                    .get("/api/v1/executions/" + second)
                    .then()
                    .body("status", equalTo("running")));

    // when
    Response page1 = as(token).get("/api/v1/executions?blueprint_id=" + blueprint + "&limit=2");
    Response page2 =
        as(token)
            .get(
                "/api/v1/executions?blueprint_id="
                    + blueprint
                    + "&limit=2&cursor="
                    + page1.jsonPath().getString("next_cursor"));

    // then
    assertThat(page1.jsonPath().getList("items.execution_id", String.class))
        .containsExactly(third, second);
    assertThat(page2.jsonPath().getList("items.execution_id", String.class)).containsExactly(first);
    assertThat(page2.jsonPath().getString("next_cursor")).isNull();
    assertThat(
            as(token)
                .get("/api/v1/executions?status=running")
                .jsonPath()
                .getList("items.execution_id", String.class))
        .containsExactly(second);
    assertThat(
            as(token)
                .get("/api/v1/executions")
                .jsonPath()
                .getList("items.execution_id", String.class))
        .containsExactly(elsewhere, third, second, first);
    as(token).get("/api/v1/executions?status=sleeping").then().statusCode(422);
    assertThat(
            as(token)
                .get("/api/v1/executions?blueprint_id=" + List.of(other).get(0) + "&status=running")
                .jsonPath()
                .getList("items"))
        .isEmpty();
  }

  private static JsonNode command(String id, String type) {
    return TestKafka.awaitRecord(
        Topics.RUN_COMMANDS,
        r -> id.equals(r.key()) && type.equals(r.value().path("type").asText()));
  }

  private static RequestSpecification api() {
    return as(Tokens.ACME);
  }

  private static RequestSpecification as(String token) {
    return given().header("Authorization", Tokens.bearer(token)).contentType("application/json");
  }
}
