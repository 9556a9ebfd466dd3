package ai.iceos.blueprint.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

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
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class BlueprintWritesIT {
  @Inject Pool pool;

  @BeforeEach
  void setUp() {
    Tokens.configure(pool);
    TestKafka.follow(Topics.BLUEPRINT_COMMANDS);
  }

  @Test
  void shouldReplaceWithANewLockAndKeepTheOldRevisionReadable() {
    // given
    Response created = CompilerDouble.createCompiled(Tokens.ACME, CompilerDouble.plan(null));
    String id = created.jsonPath().getString("id");
    String oldLock = created.jsonPath().getString("version_lock");
    String marker = UUID.randomUUID().toString();

    // when
    CompletableFuture<Response> replacing =
        background(
            () ->
                api()
                    .header("X-Version-Lock", oldLock)
                    .body(CompilerDouble.document(marker))
                    .put("/api/v1/blueprints/" + id));
    JsonNode command = CompilerDouble.awaitCommand(marker);
    CompilerDouble.compile(command, CompilerDouble.plan(null));
    Response replaced = replacing.join();

    // then
    assertThat(command.path("revision").asLong()).isEqualTo(2);
    replaced.then().statusCode(200).body("status", equalTo("compiled"));
    String newLock = replaced.jsonPath().getString("version_lock");
    assertThat(newLock).isNotEqualTo(oldLock);
    assertThat(replaced.header("ETag")).isEqualTo("\"" + newLock + "\"");
    api()
        .get("/api/v1/blueprints/" + id)
        .then()
        .statusCode(200)
        .body("version_lock", equalTo(newLock))
        .body("data.metadata.draft_name", equalTo(marker));
    api()
        .get("/api/v1/blueprints/" + id + "/versions/" + oldLock)
        .then()
        .statusCode(200)
        .body("version_lock", equalTo(oldLock))
        .body("data.metadata.draft_name", not(equalTo(marker)));
    api()
        .get("/api/v1/blueprints/" + id + "?version_lock=" + newLock)
        .then()
        .statusCode(200)
        .body("data.metadata.draft_name", equalTo(marker));
    api()
        .header("If-None-Match", "\"" + newLock + "\"")
        .get("/api/v1/blueprints/" + id)
        .then()
        .statusCode(304);
  }

  @Test
  void shouldLetExactlyOneOfTwoConcurrentWritersWin() {
    // given
    Response created = CompilerDouble.createCompiled(Tokens.ACME, CompilerDouble.plan(null));
    String id = created.jsonPath().getString("id");
    String lock = created.jsonPath().getString("version_lock");
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();

    // when
    CompletableFuture<Response> one = replace(id, lock, first);
    CompletableFuture<Response> two = replace(id, lock, second);
    JsonNode winner =
        TestKafka.awaitRecord(
            Topics.BLUEPRINT_COMMANDS,
            r -> {
              String name = r.value().path("document").path("metadata").path("draft_name").asText();
              return name.equals(first) || name.equals(second);
            });
    CompilerDouble.compile(winner, CompilerDouble.plan(null));

    // then
    List<Integer> statuses = List.of(one.join().statusCode(), two.join().statusCode());
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    Response loser = one.join().statusCode() == 409 ? one.join() : two.join();
    loser
        .then()
        .contentType("application/problem+json")
        .body("type", equalTo("https://iceos.ai/problems/version-conflict"));
    assertThat(
            TestKafka.count(
                Topics.BLUEPRINT_COMMANDS,
                r -> id.equals(r.key()) && r.value().path("revision").asLong() == 2))
        .isEqualTo(1);
  }

  @Test
  void shouldDemandACurrentLockForEveryWrite() {
    Response created = CompilerDouble.createCompiled(Tokens.ACME, CompilerDouble.plan(null));
    String id = created.jsonPath().getString("id");
    String document = CompilerDouble.document("unchanged");

    api()
        .body(document)
        .put("/api/v1/blueprints/" + id)
        .then()
        .statusCode(428)
        .contentType("application/problem+json");
    api()
        .header("X-Version-Lock", "stale")
        .body(document)
        .put("/api/v1/blueprints/" + id)
        .then()
        .statusCode(409);
    api()
        .header("If-Match", "\"stale\"")
        .body(document)
        .put("/api/v1/blueprints/" + id)
        .then()
        .statusCode(412)
        .body("type", equalTo("https://iceos.ai/problems/version-mismatch"));
    api().body("{\"nodes\": []}").patch("/api/v1/blueprints/" + id).then().statusCode(428);
    api().delete("/api/v1/blueprints/" + id).then().statusCode(428);
    api()
        .header("X-Version-Lock", "stale")
        .delete("/api/v1/blueprints/" + id)
        .then()
        .statusCode(409);
    api()
        .header("X-Version-Lock", "x")
        .delete("/api/v1/blueprints/" + UUID.randomUUID())
        .then()
        .statusCode(404);
  }

  @Test
  void shouldPatchNodesByIdAndDeleteWithTheMarkerType() {
    // given
    Response created = CompilerDouble.createCompiled(Tokens.ACME, CompilerDouble.plan(null));
    String id = created.jsonPath().getString("id");
    String lock = created.jsonPath().getString("version_lock");
    String patch =
        """
        {"nodes": [{"id": "b", "type": "__delete__"},
                   {"id": "a", "type": "tool", "tool_name": "upper"},
                   {"id": "c", "type": "tool", "tool_name": "echo", "dependencies": ["a"]}]}
        """;

    // when
    CompletableFuture<Response> patching =
        background(
            () ->
                api()
                    .header("If-Match", "W/\"" + lock + "\"")
                    .body(patch)
                    .patch("/api/v1/blueprints/" + id));
    JsonNode command =
        TestKafka.awaitRecord(
            Topics.BLUEPRINT_COMMANDS,
            r -> id.equals(r.key()) && r.value().path("revision").asLong() == 2);
    CompilerDouble.compile(command, CompilerDouble.plan(null));
    Response patched = patching.join();

    // then
    patched.then().statusCode(200).body("id", equalTo(id)).body("node_count", equalTo(2));
    assertThat(patched.jsonPath().getString("version_lock")).isNotEqualTo(lock);
    JsonNode nodes = command.path("document").path("nodes");
    assertThat(nodes.size()).isEqualTo(2);
    assertThat(nodes.get(0).path("tool_name").asText()).isEqualTo("upper");
    assertThat(nodes.get(1).path("id").asText()).isEqualTo("c");
    String current = patched.jsonPath().getString("version_lock");
    api()
        .header("X-Version-Lock", current)
        .body("{\"nodes\": [{\"id\": \"zz\", \"type\": \"__delete__\"}]}")
        .patch("/api/v1/blueprints/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/nodes/0/id"))
        .body("errors[0].code", equalTo("unknown-node"));
  }

  @Test
  void shouldKeepTheBlueprintAsItWasWhenAReplacementIsInvalid() {
    // given
    Response created = CompilerDouble.createCompiled(Tokens.ACME, CompilerDouble.plan(null));
    String id = created.jsonPath().getString("id");
    String lock = created.jsonPath().getString("version_lock");
    String marker = UUID.randomUUID().toString();

    // when
    CompletableFuture<Response> replacing = replace(id, lock, marker);
    CompilerDouble.reject(
        CompilerDouble.awaitCommand(marker),
        List.of(new Violation("/nodes/0/tool_name", "unknown-tool", "no tool 'echo'")),
        false);

    // then
    replacing
        .join()
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/nodes/0/tool_name"));
    api()
        .get("/api/v1/blueprints/" + id)
        .then()
        .statusCode(200)
        .body("version_lock", equalTo(lock))
        .body("status", equalTo("compiled"))
        .body("data.metadata.draft_name", not(equalTo(marker)));
  }

  @Test
  void shouldDeleteWithTheLockAndCloneWithoutOne() {
    // given
    Response created = CompilerDouble.createCompiled(Tokens.ACME, CompilerDouble.plan(null));
    String id = created.jsonPath().getString("id");
    String lock = created.jsonPath().getString("version_lock");

    // when
    Response clone = api().post("/api/v1/blueprints/" + id + "/clone");

    // then
    clone.then().statusCode(201).body("status", equalTo("compiled"));
    String cloneId = clone.jsonPath().getString("id");
    assertThat(cloneId).isNotEqualTo(id);
    api()
        .get("/api/v1/blueprints/" + cloneId)
        .then()
        .statusCode(200)
        .body("plan.node_count", equalTo(2));
    given()
        .header("Authorization", Tokens.bearer(Tokens.GLOBEX))
        .post("/api/v1/blueprints/" + id + "/clone")
        .then()
        .statusCode(404);

    api().header("X-Version-Lock", lock).delete("/api/v1/blueprints/" + id).then().statusCode(204);
    api().get("/api/v1/blueprints/" + id).then().statusCode(404);
    api().get("/api/v1/blueprints/" + cloneId).then().statusCode(200);
  }

  @Test
  void shouldPageThroughTheOrgsBlueprintsNewestFirst() {
    // given
    String token = Tokens.freshOrg(pool);
    List<String> ids =
        List.of(1, 2, 3).stream()
            .map(i -> CompilerDouble.createCompiled(token, CompilerDouble.plan(null)))
            .map(r -> r.jsonPath().getString("id"))
            .toList();

    // when
    Response first = as(token).get("/api/v1/blueprints?limit=2");
    String cursor = first.jsonPath().getString("next_cursor");
    Response second = as(token).get("/api/v1/blueprints?limit=2&cursor=" + cursor);

    // then
    first.then().statusCode(200);
    assertThat(first.jsonPath().getList("items.id", String.class))
        .containsExactly(ids.get(2), ids.get(1));
    assertThat(cursor).isNotBlank();
    second.then().statusCode(200).body("next_cursor", equalTo(null));
    assertThat(second.jsonPath().getList("items.id", String.class)).containsExactly(ids.get(0));
    assertThat(second.jsonPath().getInt("items[0].node_count")).isEqualTo(2);
    as(token).get("/api/v1/blueprints?limit=0").then().statusCode(422);
    as(token).get("/api/v1/blueprints?cursor=bogus").then().statusCode(400);
  }

  private static CompletableFuture<Response> replace(String id, String lock, String marker) {
    return background(
        () ->
            api()
                .header("X-Version-Lock", lock)
                .body(CompilerDouble.document(marker))
                .put("/api/v1/blueprints/" + id));
  }

  private static CompletableFuture<Response> background(
      java.util.function.Supplier<Response> request) {
    return CompletableFuture.supplyAsync(request);
  }

  private static RequestSpecification api() {
    return as(Tokens.ACME);
  }

  private static RequestSpecification as(String token) {
    return given().header("Authorization", Tokens.bearer(token)).contentType("application/json");
  }
}
