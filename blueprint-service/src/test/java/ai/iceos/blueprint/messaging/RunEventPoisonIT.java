package ai.iceos.blueprint.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import ai.iceos.blueprint.SchedulerDouble;
import ai.iceos.blueprint.TestKafka;
import ai.iceos.blueprint.Tokens;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.testkit.KafkaPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run event nobody can read must not stop the execution views from following their runs. */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class RunEventPoisonIT {
  @Inject Pool pool;

  @BeforeEach
  void setUp() {
    Tokens.configure(pool);
  }

  @Test
  void shouldKeepFoldingRunEventsAfterAnUnreadableRecordOnTheSamePartition() {
    // given: an execution, and a record on its partition that is not a run event
    String id = SchedulerDouble.start(Tokens.ACME, SchedulerDouble.compiledBlueprint(Tokens.ACME));
    TestKafka.sendRaw(
        Topics.RUN_EVENTS, id, "{\"execution_id\":\"" + id + "\",\"sequence\":\"x\"}");

    // when: its real events follow on the same partition
    SchedulerDouble.event(id, 1, RunEventType.WORKFLOW_STARTED, null);
    SchedulerDouble.event(id, 2, RunEventType.WORKFLOW_COMPLETED, null);

    // then: the view follows them (the consumer was not stopped by the unreadable record)
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .header("Authorization", Tokens.bearer(Tokens.ACME))
                    .get("/api/v1/executions/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("completed")));
  }
}
