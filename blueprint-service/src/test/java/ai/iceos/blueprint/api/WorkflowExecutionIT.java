package ai.iceos.blueprint.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import ai.iceos.blueprint.CompilerDouble;
import ai.iceos.blueprint.TestKafka;
import ai.iceos.blueprint.Tokens;
import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.WorkflowNodeSpec;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code workflow} nodes at the API edge (decision 0114): the StartRun carries every referenced
 * workflow's compiled plan, a start whose reference cannot run is refused, and a child execution
 * the scheduler started is readable through the API from its events.
 */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class WorkflowExecutionIT {
  @Inject Pool pool;

  @BeforeEach
  void setUp() {
    Tokens.configure(pool);
    TestKafka.follow(Topics.BLUEPRINT_COMMANDS);
    TestKafka.follow(Topics.RUN_COMMANDS);
  }

  @Test
  void shouldSendTheReferencedWorkflowsTransitivelyWithTheStart() {
    Response leaf = CompilerDouble.createCompiled(Tokens.ACME, CompilerDouble.plan(null));
    String leafId = leaf.jsonPath().getString("id");
    String leafLock = leaf.jsonPath().getString("version_lock");
    String middleId =
        CompilerDouble.createCompiled(Tokens.ACME, workflowPlan(leafId + "@" + leafLock))
            .jsonPath()
            .getString("id");
    String parentId =
        CompilerDouble.createCompiled(Tokens.ACME, workflowPlan(middleId))
            .jsonPath()
            .getString("id");

    String execution = start(parentId).then().statusCode(202).extract().path("execution_id");

    JsonNode startRun = TestKafka.awaitRecord(Topics.RUN_COMMANDS, r -> execution.equals(r.key()));
    JsonNode workflows = startRun.path("workflows");
    assertThat(workflows.path(middleId).path("blueprint_id").asText()).isEqualTo(middleId);
    assertThat(
            workflows
                .path(middleId)
                .path("plan")
                .path("nodes")
                .get(0)
                .path("spec")
                .path("type")
                .asText())
        .isEqualTo("workflow");
    JsonNode pinned = workflows.path(leafId + "@" + leafLock);
    assertThat(pinned.path("version_lock").asText()).isEqualTo(leafLock);
    assertThat(pinned.path("plan").path("levels").size()).isEqualTo(2);
  }

  @Test
  void shouldRefuseToStartWhenAReferencedWorkflowCannotRun() {
    String missing = UUID.randomUUID().toString();
    String parentId =
        CompilerDouble.createCompiled(Tokens.ACME, workflowPlan(missing))
            .jsonPath()
            .getString("id");

    start(parentId)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://iceos.ai/problems/workflow-unresolved"))
        .body("detail", containsString("'" + missing + "': no such blueprint or revision"));
  }

  @Test
  void shouldShowAChildExecutionFromItsEventsToItsOrgOnly() {
    String parentId =
        CompilerDouble.createCompiled(Tokens.ACME, CompilerDouble.plan(null))
            .jsonPath()
            .getString("id");
    String parent = start(parentId).then().statusCode(202).extract().path("execution_id");
    String child = UUID.randomUUID().toString();
    String childBlueprint = UUID.randomUUID().toString();

    sendEvent(
        child,
        1,
        RunEventType.WORKFLOW_STARTED,
        """
        {"blueprint_id": "%s", "version_lock": "v1", "inputs": {"mode": "fast"},
         "levels": [["fetch"]], "nodes": {"fetch": {"type": "tool", "level": 0}},
         "parent_execution_id": "%s", "parent_node_id": "sub", "depth": 1, "org_id": "acme"}
        """
            .formatted(childBlueprint, parent));
    sendEvent(child, 2, RunEventType.WORKFLOW_COMPLETED, "{\"output\": {\"fetch\": {\"v\": 1}}}");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                api(Tokens.ACME)
                    .get("/api/v1/executions/" + child)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("completed"))
                    .body("parent_execution_id", equalTo(parent))
                    .body("parent_node_id", equalTo("sub"))
                    .body("blueprint_id", equalTo(childBlueprint))
                    .body("inputs.mode", equalTo("fast"))
                    .body("result.output.fetch.v", equalTo(1)));
    api(Tokens.GLOBEX).get("/api/v1/executions/" + child).then().statusCode(404);
  }

  /** A compiled plan of one workflow node referencing {@code ref}. */
  private static ExecutionPlan workflowPlan(String ref) {
    WorkflowNodeSpec node =
        new WorkflowNodeSpec(
            "sub", null, List.of(), null, null, null, null, null, null, null, null, null, null,
            null, ref, Map.of(), null);
    return new ExecutionPlan(
        ExecutionPlan.CURRENT_VERSION,
        "hash-" + ref,
        List.of(List.of("sub")),
        List.of(new PlannedNode(node, 0, 30_000, RetryPolicy.none(), true)),
        FailurePolicy.CONTINUE_IF_POSSIBLE,
        Scheduling.LEVEL,
        5,
        null,
        null,
        null);
  }

  private static Response start(String blueprintId) {
    return api(Tokens.ACME)
        .body("{\"blueprint_id\":\"" + blueprintId + "\",\"inputs\":{}}")
        .post("/api/v1/executions")
        .andReturn();
  }

  private static void sendEvent(String executionId, long sequence, RunEventType type, String data) {
    TestKafka.send(
        Topics.RUN_EVENTS,
        executionId,
        new RunEvent(
            UUID.randomUUID(),
            executionId,
            sequence,
            type,
            null,
            TestKafka.json(data),
            Instant.now()));
  }

  private static RequestSpecification api(String token) {
    return given().header("Authorization", Tokens.bearer(token)).contentType("application/json");
  }
}
