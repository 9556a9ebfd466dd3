package ai.iceos.blueprint.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import ai.iceos.blueprint.CompilerDouble;
import ai.iceos.blueprint.TestKafka;
import ai.iceos.blueprint.Tokens;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.testkit.KafkaPostgresResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class BlueprintCompileIT {
  @Inject Pool pool;

  @BeforeEach
  void setUp() {
    Tokens.configure(pool);
    TestKafka.follow(Topics.BLUEPRINT_COMMANDS);
  }

  @Test
  void shouldAnswer201WithThePlanOnceCompiled() {
    // given
    String marker = UUID.randomUUID().toString();
    CompletableFuture<Response> pending =
        CompilerDouble.create(Tokens.ACME, CompilerDouble.document(marker));
    JsonNode command = CompilerDouble.awaitCommand(marker);

    // when
    CompilerDouble.compile(command, CompilerDouble.plan(null));
    Response response = pending.join();

    // then
    assertThat(command.path("type").asText()).isEqualTo("blueprint.compile");
    assertThat(command.path("org_id").asText()).isEqualTo("acme");
    assertThat(command.path("revision").asLong()).isEqualTo(1);
    response
        .then()
        .statusCode(201)
        .body("id", equalTo(command.path("blueprint_id").asText()))
        .body("status", equalTo("compiled"))
        .body("plan.node_count", equalTo(2))
        .body("plan.levels[1][0]", equalTo("b"))
        .body("plan.estimated_cost.tokens", equalTo(0));
    String lock = response.jsonPath().getString("version_lock");
    assertThat(lock).isNotBlank();
    assertThat(response.header("X-Version-Lock")).isEqualTo(lock);
    assertThat(response.header("ETag")).isEqualTo("\"" + lock + "\"");

    given()
        .header("Authorization", Tokens.bearer(Tokens.ACME))
        .get("/api/v1/blueprints/" + response.jsonPath().getString("id") + "/")
        .then()
        .statusCode(200)
        .header("ETag", "\"" + lock + "\"")
        .body("status", equalTo("compiled"))
        .body("data.metadata.draft_name", equalTo(marker))
        .body("version_lock", equalTo(lock));
    given()
        .header("Authorization", Tokens.bearer(Tokens.GLOBEX))
        .get("/api/v1/blueprints/" + response.jsonPath().getString("id"))
        .then()
        .statusCode(404);
  }

  @Test
  void shouldAnswer422WithEveryViolationAndKeepNothing() {
    // given
    String marker = UUID.randomUUID().toString();
    CompletableFuture<Response> pending =
        CompilerDouble.create(Tokens.ACME, CompilerDouble.document(marker));
    JsonNode command = CompilerDouble.awaitCommand(marker);

    // when
    CompilerDouble.reject(
        command,
        List.of(
            new Violation("/nodes/1/dependencies/0", "unknown-dependency", "no node has id 'zz'"),
            new Violation("/nodes", "cycle", "a -> b -> a")),
        false);
    Response response = pending.join();

    // then
    response
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://iceos.ai/problems/invalid-blueprint"))
        .body("detail", equalTo("2 problems found; first: no node has id 'zz'"))
        .body("errors[0].pointer", equalTo("/nodes/1/dependencies/0"))
        .body("errors[0].code", equalTo("unknown-dependency"))
        .body("errors[1].pointer", equalTo("/nodes"));
    String id = command.path("blueprint_id").asText();
    given()
        .header("Authorization", Tokens.bearer(Tokens.ACME))
        .get("/api/v1/blueprints/" + id)
        .then()
        .statusCode(404);
    assertThat(rows("select count(*) from blueprint.blueprint_version where blueprint_id = $1", id))
        .isZero();
  }

  @Test
  void shouldAnswer403WhenTheRejectionIsAPolicyDenial() {
    String marker = UUID.randomUUID().toString();
    CompletableFuture<Response> pending =
        CompilerDouble.create(Tokens.ACME, CompilerDouble.document(marker));
    CompilerDouble.reject(
        CompilerDouble.awaitCommand(marker),
        List.of(new Violation("/nodes/0/tool_name", "tool-denied", "tool 'echo' is denied")),
        true);

    pending
        .join()
        .then()
        .statusCode(403)
        .body("type", equalTo("https://iceos.ai/problems/forbidden-blueprint"))
        .body("errors[0].pointer", equalTo("/nodes/0/tool_name"));
  }

  @Test
  void shouldAnswer202PendingWhenTheCompilerIsSilentAndCompileLater() {
    // given: nobody answers the first command
    String marker = UUID.randomUUID().toString();
    Response response = CompilerDouble.create(Tokens.ACME, CompilerDouble.document(marker)).join();

    // then
    response.then().statusCode(202).body("status", equalTo("pending"));
    assertThat(response.jsonPath().getMap("$")).doesNotContainKey("plan");
    String id = response.jsonPath().getString("id");

    // when the compiler is back, the overdue command is sent again and answered
    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> TestKafka.count(Topics.BLUEPRINT_COMMANDS, r -> id.equals(r.key())) >= 2);
    CompilerDouble.compile(CompilerDouble.awaitCommand(marker), CompilerDouble.plan(null));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .header("Authorization", Tokens.bearer(Tokens.ACME))
                    .get("/api/v1/blueprints/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("compiled")));
  }

  private long rows(String sql, String id) {
    return pool.preparedQuery(sql)
        .execute(Tuple.of(UUID.fromString(id)))
        .await()
        .indefinitely()
        .iterator()
        .next()
        .getLong(0);
  }
}
