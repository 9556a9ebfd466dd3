package ai.iceos.blueprint;

import static io.restassured.RestAssured.given;

import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Topics;
import java.time.Instant;
import java.util.UUID;

/** Plays scheduler-service: starts executions through the API and publishes their run events. */
public final class SchedulerDouble {
  private SchedulerDouble() {}

  /** A compiled two-node blueprint (no inputs schema) of the token's org; returns its id. */
  public static String compiledBlueprint(String token) {
    return CompilerDouble.createCompiled(token, CompilerDouble.plan(null))
        .jsonPath()
        .getString("id");
  }

  /** Starts an execution of the blueprint; returns its id. */
  public static String start(String token, String blueprintId) {
    return given()
        .header("Authorization", Tokens.bearer(token))
        .contentType("application/json")
        .body("{\"blueprint_id\":\"" + blueprintId + "\",\"inputs\":{}}")
        .post("/api/v1/executions")
        .then()
        .statusCode(202)
        .extract()
        .path("execution_id");
  }

  public static void event(String executionId, long sequence, RunEventType type, String nodeId) {
    TestKafka.send(
        Topics.RUN_EVENTS,
        executionId,
        new RunEvent(
            UUID.randomUUID(),
            executionId,
            sequence,
            type,
            nodeId,
            TestKafka.json("{\"attempt\":1}"),
            Instant.now()));
  }
}
