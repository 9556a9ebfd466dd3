package ai.iceos.blueprint.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import ai.iceos.blueprint.CompilerDouble;
import ai.iceos.blueprint.TestKafka;
import ai.iceos.blueprint.Tokens;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.testkit.KafkaPostgresResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class PartialBlueprintIT {
  private static final String BASE = "/api/v1/mcp/blueprints/partial/";

  @Inject Pool pool;

  @BeforeEach
  void setUp() {
    Tokens.configure(pool);
    TestKafka.follow(Topics.BLUEPRINT_COMMANDS);
  }

  @Test
  void shouldAuthorNodeByNodeAndFinalizeIntoACompiledBlueprint() {
    // given: a partial with one incomplete node
    Response created =
        api()
            .body("{\"node\": {\"id\": \"load\", \"type\": \"tool\"}}")
            .post("/api/v1/mcp/blueprints/partial");
    created
        .then()
        .statusCode(201)
        .body("is_complete", equalTo(false))
        .body("validation_errors[0].pointer", equalTo("/nodes/0/tool_name"))
        .body("validation_errors[0].code", equalTo("missing-field"));
    String id = created.jsonPath().getString("blueprint_id");
    String lock = created.jsonPath().getString("version_lock");
    api().post(BASE + id + "/finalize").then().statusCode(400);

    // when: completed, extended, and an edit with a stale lock
    Response updated =
        edit(
            id,
            lock,
            "{\"action\": \"update_node\", \"node_id\": \"load\", \"updates\": {\"tool_name\": \"csv_loader\"}}");
    String lock2 = updated.jsonPath().getString("version_lock");
    edit(id, lock, "{\"action\": \"remove_node\", \"node_id\": \"load\"}").then().statusCode(409);
    Response suggested =
        api()
            .header("X-Version-Lock", lock2)
            .body("{\"commit\": true, \"allowed_types\": [\"llm\"], \"top_k\": 1}")
            .post(BASE + id + "/suggest");

    // then
    updated.then().statusCode(200).body("is_complete", equalTo(true));
    suggested
        .then()
        .statusCode(200)
        .body("suggestions[0].type", equalTo("llm"))
        .body("suggestions[0].template.dependencies[0]", equalTo("load"));
    api()
        .get(BASE + id)
        .then()
        .statusCode(200)
        .body("nodes.id", hasItem("summarize"))
        .body("version_lock", equalTo(suggested.jsonPath().getString("version_lock")))
        .body("is_complete", equalTo(true));
    api().body("{}").post(BASE + id + "/suggest").then().statusCode(200);
    edit(id, lock2, "{\"action\": \"add_node\", \"node\": {\"id\": \"late\", \"type\": \"tool\"}}")
        .then()
        .statusCode(409);

    // when: finalized
    CompletableFuture<Response> finalizing =
        CompletableFuture.supplyAsync(() -> api().post(BASE + id + "/finalize"));
    JsonNode command =
        TestKafka.awaitRecord(
            Topics.BLUEPRINT_COMMANDS,
            r ->
                ("partial " + id)
                    .equals(
                        r.value().path("document").path("metadata").path("draft_name").asText()));
    CompilerDouble.compile(command, CompilerDouble.plan(null));

    // then
    Response finalized = finalizing.join();
    finalized.then().statusCode(201).body("status", equalTo("compiled"));
    assertThat(command.path("document").path("nodes").size()).isEqualTo(2);
    api().get("/api/v1/blueprints/" + finalized.jsonPath().getString("id")).then().statusCode(200);
    given()
        .header("Authorization", Tokens.bearer(Tokens.GLOBEX))
        .get(BASE + id)
        .then()
        .statusCode(404);
  }

  @Test
  void shouldRefuseToFinalizeAnEmptyPartialOrOneOverTheOrgBudget() {
    String empty =
        api()
            .body("{}")
            .post("/api/v1/mcp/blueprints/partial")
            .jsonPath()
            .getString("blueprint_id");
    api()
        .post(BASE + empty + "/finalize")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");

    String token = Tokens.freshOrg(pool);
    as(token).body("{\"budget_usd\": 0.01}").put("/api/v1/policy").then().statusCode(200);
    String id =
        as(token)
            .body("{\"node\": {\"id\": \"a\", \"type\": \"tool\", \"tool_name\": \"echo\"}}")
            .post("/api/v1/mcp/blueprints/partial")
            .jsonPath()
            .getString("blueprint_id");
    CompletableFuture<Response> finalizing =
        CompletableFuture.supplyAsync(() -> as(token).post(BASE + id + "/finalize"));
    JsonNode command =
        TestKafka.awaitRecord(
            Topics.BLUEPRINT_COMMANDS,
            r ->
                ("partial " + id)
                    .equals(
                        r.value().path("document").path("metadata").path("draft_name").asText()));
    CompilerDouble.compile(command, CompilerDouble.costlyPlan());

    finalizing
        .join()
        .then()
        .statusCode(402)
        .body("detail", equalTo("Estimated cost $0.25 exceeds budget $0.01"));
    as(token)
        .get("/api/v1/blueprints/" + command.path("blueprint_id").asText())
        .then()
        .statusCode(404);
  }

  private static Response edit(String id, String lock, String body) {
    return api().header("X-Version-Lock", lock).body(body).put(BASE + id);
  }

  private static RequestSpecification api() {
    return as(Tokens.ACME);
  }

  private static RequestSpecification as(String token) {
    return given().header("Authorization", Tokens.bearer(token)).contentType("application/json");
  }
}
