package ai.iceos.blueprint.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import ai.iceos.blueprint.CompilerDouble;
import ai.iceos.blueprint.TestKafka;
import ai.iceos.blueprint.Tokens;
import ai.iceos.blueprint.auth.BearerToken;
import ai.iceos.contracts.messaging.ModelCatalogEntry;
import ai.iceos.contracts.messaging.ToolCatalogEntry;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class PolicyAndMetaIT {
  @Inject Pool pool;

  @BeforeEach
  void setUp() {
    Tokens.configure(pool);
    TestKafka.follow(Topics.BLUEPRINT_COMMANDS);
  }

  @Test
  void shouldStoreThePolicyPerOrgAndSendItWithEveryCompile() {
    // given
    String token = Tokens.freshOrg(pool);
    as(token)
        .get("/api/v1/policy")
        .then()
        .statusCode(200)
        .body("denied_models", equalTo(List.of("gpt-3.5*")))
        .body("budget_usd", equalTo(null));

    // when
    as(token)
        .body("{\"denied_tools\": [\"shell\"], \"budget_usd\": 0.5}")
        .put("/api/v1/policy")
        .then()
        .statusCode(200)
        .body("denied_tools", equalTo(List.of("shell")))
        .body("denied_models", equalTo(List.of("gpt-3.5*")));
    Response target = CompilerDouble.createCompiled(token, CompilerDouble.plan(null));
    String ref = target.jsonPath().getString("id");
    String marker = UUID.randomUUID().toString();
    String document =
        """
        {"metadata": {"draft_name": "%s"},
         "nodes": [{"id": "w", "type": "workflow", "workflow_ref": "%s"},
                   {"id": "v", "type": "workflow", "workflow_ref": "%s@nope"}]}
        """
            .formatted(marker, ref, ref);
    CompletableFuture<Response> creating = CompilerDouble.create(token, document);
    JsonNode command = CompilerDouble.awaitCommand(marker);
    CompilerDouble.compile(command, CompilerDouble.plan(null));
    creating.join();

    // then
    assertThat(command.path("policy").path("denied_tools").get(0).asText()).isEqualTo("shell");
    assertThat(command.path("policy").path("budget_usd").decimalValue())
        .isEqualByComparingTo("0.5");
    assertThat(command.path("known_workflow_refs").size()).isEqualTo(1);
    assertThat(command.path("known_workflow_refs").get(0).asText()).isEqualTo(ref);
    as(Tokens.GLOBEX).get("/api/v1/policy").then().body("denied_tools", equalTo(List.of()));
    as(token)
        .body("{\"denied_tools\": \"shell\", \"rate_limit_per_minute\": 0, \"x\": 1}")
        .put("/api/v1/policy")
        .then()
        .statusCode(422)
        .body("errors.pointer", hasItem("/denied_tools"))
        .body("errors.pointer", hasItem("/rate_limit_per_minute"))
        .body("errors.pointer", hasItem("/x"));
  }

  @Test
  void shouldRefuseAStartOverTheOrgBudget() {
    String token = Tokens.freshOrg(pool);
    as(token).body("{\"budget_usd\": 0.000001}").put("/api/v1/policy").then().statusCode(200);
    String blueprint =
        CompilerDouble.createCompiled(token, CompilerDouble.costlyPlan())
            .jsonPath()
            .getString("id");

    as(token)
        .body("{\"blueprint_id\": \"" + blueprint + "\", \"inputs\": {}}")
        .post("/api/v1/executions")
        .then()
        .statusCode(402)
        .body("detail", equalTo("Estimated cost $0.25 exceeds budget $0.00"));
  }

  @Test
  void shouldLimitRequestsPerTokenAndMinuteWithRetryAfter() {
    String token = Tokens.freshOrg(pool);
    as(token).body("{\"rate_limit_per_minute\": 3}").put("/api/v1/policy").then().statusCode(200);
    // counted per token: the requests below use a second token of the same org
    String counted = Tokens.sameOrg(pool, token);
    List<Response> responses =
        inOneWindow(
            () -> {
              List<Response> answers = new ArrayList<>();
              for (int i = 0; i < 4; i++) {
                answers.add(as(counted).get("/api/v1/policy"));
              }
              return answers;
            });
    List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
    Response last = responses.getLast();

    assertThat(statuses).containsExactly(200, 200, 200, 429);
    last.then()
        .contentType("application/problem+json")
        .body("type", equalTo("https://iceos.ai/problems/too-many-requests"));
    assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
    as(token).get("/api/v1/policy").then().statusCode(200);
    as(Tokens.GLOBEX).get("/api/v1/policy").then().statusCode(200);
  }

  @Test
  void shouldCountConcurrentRequestsOfOneTokenExactly() {
    String token = Tokens.freshOrg(pool);
    as(token).body("{\"rate_limit_per_minute\": 25}").put("/api/v1/policy").then().statusCode(200);
    String counted = Tokens.sameOrg(pool, token);
    List<Integer> statuses =
        inOneWindow(
            () -> {
              List<CompletableFuture<Integer>> requests = new ArrayList<>();
              for (int i = 0; i < 40; i++) {
                requests.add(
                    CompletableFuture.supplyAsync(
                        () -> as(counted).get("/api/v1/policy").statusCode()));
              }
              return requests.stream().map(CompletableFuture::join).toList();
            });

    // 40 requests at once share counter updates, yet exactly the limit gets through
    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(25);
    assertThat(statuses.stream().filter(s -> s == 429)).hasSize(15);
    Integer stored =
        pool.preparedQuery(
                "select sum(requests) from blueprint.rate_window where token_sha256 = $1")
            .execute(io.vertx.mutiny.sqlclient.Tuple.of(BearerToken.sha256Hex(counted)))
            .await()
            .indefinitely()
            .iterator()
            .next()
            .getInteger(0);
    assertThat(stored).isGreaterThanOrEqualTo(40);
  }

  @Test
  void shouldStopAcceptingADeletedTokenWithinTheCacheTime() {
    String token = Tokens.freshOrg(pool);
    as(token).get("/api/v1/policy").then().statusCode(200);

    pool.preparedQuery("delete from blueprint.api_token where token_sha256 = $1")
        .execute(io.vertx.mutiny.sqlclient.Tuple.of(BearerToken.sha256Hex(token)))
        .await()
        .indefinitely();

    // iceos.blueprint.token-cache-ttl is 2 s in tests
    await()
        .atMost(Duration.ofSeconds(4))
        .until(() -> as(token).get("/api/v1/policy").statusCode() == 403);
  }

  @Test
  void shouldServeTheSchemasNodeTypesToolsAndModels() {
    as(Tokens.ACME)
        .get("/api/v1/schemas/blueprint.json")
        .then()
        .statusCode(200)
        .body("$defs.tool_node", org.hamcrest.Matchers.notNullValue());
    as(Tokens.ACME)
        .get("/api/v1/meta/nodes/types")
        .then()
        .statusCode(200)
        .body("types", hasItem("swarm"));
    as(Tokens.ACME)
        .get("/api/v1/meta/nodes/llm/schema")
        .then()
        .statusCode(200)
        .body("title", equalTo("iceOS llm node"));
    as(Tokens.ACME)
        .get("/api/v1/meta/nodes/ai/schema")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");

    String tool = "tool-" + UUID.randomUUID();
    TestKafka.send(
        Topics.TOOL_CATALOG,
        tool,
        new ToolCatalogEntry(
            UUID.randomUUID(),
            tool,
            "test tool",
            TestKafka.json("{\"type\":\"object\"}"),
            TestKafka.json("{\"type\":\"object\"}"),
            "worker-1",
            Instant.now()));
    String model = "model-" + UUID.randomUUID();
    TestKafka.send(
        Topics.MODEL_CATALOG,
        model,
        new ModelCatalogEntry(
            UUID.randomUUID(), model, "offline", 8192, 1024, 1, 0, 2, "gateway-1", Instant.now()));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              as(Tokens.ACME).get("/api/v1/tools").then().body("tools.name", hasItem(tool));
              as(Tokens.ACME)
                  .get("/api/v1/meta/models")
                  .then()
                  .body("models.model", hasItem(model));
            });
    TestKafka.sendTombstone(Topics.TOOL_CATALOG, tool);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        as(Tokens.ACME)
                            .get("/api/v1/tools")
                            .jsonPath()
                            .getList("tools.name", String.class))
                    .doesNotContain(tool));
  }

  /** Waits while fewer than 10 s of the current minute are left. */
  /** What {@code requests} gave when all of them fell in one rate window (tried up to 3 times). */
  private static <T> T inOneWindow(Supplier<T> requests) {
    T result = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      awaitFreshWindow();
      Instant window = Instant.now().truncatedTo(ChronoUnit.MINUTES);
      result = requests.get();
      if (window.equals(Instant.now().truncatedTo(ChronoUnit.MINUTES))) {
        break;
      }
    }
    return result;
  }

  private static void awaitFreshWindow() {
    Instant now = Instant.now();
    Instant next = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    if (Duration.between(now, next).toSeconds() < 10) {
      await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(next));
    }
  }

  private static RequestSpecification as(String token) {
    return given().header("Authorization", Tokens.bearer(token)).contentType("application/json");
  }
}
