package ai.iceos.blueprint.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import ai.iceos.blueprint.Tokens;
import ai.iceos.testkit.KafkaPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class HttpProblemsIT {
  private static final String PROBLEM = "application/problem+json";

  @Inject Pool pool;

  @BeforeEach
  void tokens() {
    Tokens.configure(pool);
  }

  @Test
  void shouldAnswer401WithoutABearerToken() {
    given()
        .get("/api/v1/blueprints/" + UUID.randomUUID())
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .header("WWW-Authenticate", "Bearer")
        .body("type", equalTo("https://iceos.ai/problems/unauthorized"))
        .body("status", equalTo(401));
  }

  @Test
  void shouldAnswer403ForAnUnknownToken() {
    given()
        .header("Authorization", "Bearer nope")
        .get("/api/v1/blueprints/" + UUID.randomUUID())
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("type", equalTo("https://iceos.ai/problems/forbidden"));
  }

  @Test
  void shouldAcceptTheDevTokenOnlyWhileNoTokenIsConfigured() {
    Tokens.removeAll(pool);
    given()
        .header("Authorization", "Bearer dev-token")
        .get("/api/v1/blueprints/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType(PROBLEM);

    // a replica trusts a token it looked up for iceos.blueprint.token-cache-ttl (2 s in tests)
    Tokens.configure(pool);
    await()
        .atMost(Duration.ofSeconds(4))
        .untilAsserted(
            () ->
                given()
                    .header("Authorization", "Bearer dev-token")
                    .get("/api/v1/blueprints/" + UUID.randomUUID())
                    .then()
                    .statusCode(403)
                    .contentType(PROBLEM));
  }

  @Test
  void shouldAnswer400ForABodyThatIsNotJson() {
    createRequest()
        .body("{not json")
        .post("/api/v1/blueprints")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo("https://iceos.ai/problems/malformed-json"))
        .body("instance", equalTo("/api/v1/blueprints"));
    authorized()
        .contentType("application/json")
        .body("nodes: [")
        .post("/api/v1/executions")
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
  }

  @Test
  void shouldAnswer422AtTheRootForJsonThatIsNotAnObject() {
    createRequest()
        .body("[1, 2]")
        .post("/api/v1/blueprints")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("type", equalTo("https://iceos.ai/problems/invalid-blueprint"))
        .body("errors[0].pointer", equalTo(""));
  }

  @Test
  void shouldAnswer428WhenACreateSendsNoLock() {
    authorized()
        .contentType("application/json")
        .body("{\"nodes\": []}")
        .post("/api/v1/blueprints")
        .then()
        .statusCode(428)
        .contentType(PROBLEM)
        .body("type", equalTo("https://iceos.ai/problems/precondition-required"));
  }

  @Test
  void shouldAnswer415ForAnotherMediaType() {
    authorized()
        .header("X-Version-Lock", "__new__")
        .contentType("text/plain")
        .body("hello")
        .post("/api/v1/blueprints")
        .then()
        .statusCode(415)
        .contentType(PROBLEM)
        .body("type", equalTo("https://iceos.ai/problems/unsupported-media-type"));
  }

  @Test
  void shouldAnswer404ProblemForAnUnknownRoute() {
    authorized()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("type", equalTo("https://iceos.ai/problems/not-found"));
    given().get("/nowhere/at/all").then().statusCode(404).contentType(PROBLEM);
  }

  @Test
  void shouldAnswer404ForAnotherOrgsOrAMalformedId() {
    authorized().get("/api/v1/executions/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
  }

  @Test
  void shouldAnswer405ForAnUnsupportedMethod() {
    authorized()
        .delete("/api/v1/executions")
        .then()
        .statusCode(405)
        .contentType(PROBLEM)
        .body("type", equalTo("https://iceos.ai/problems/method-not-allowed"));
  }

  @Test
  void shouldAnswer422ForAnOutOfRangeWait() {
    authorized()
        .get("/api/v1/executions/" + UUID.randomUUID() + "?wait_seconds=61")
        .then()
        .statusCode(422)
        .contentType(PROBLEM);
  }

  @Test
  void shouldRejectAnOversizedBodyEarlyWithAProblem() throws Exception {
    // Only the head is sent: the limit must apply before the body is read.
    String head =
        "POST /api/v1/blueprints HTTP/1.1\r\n"
            + "Host: localhost\r\n"
            + "Authorization: Bearer "
            + Tokens.ACME
            + "\r\n"
            + "X-Version-Lock: __new__\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: "
            + (3 * 1024 * 1024)
            + "\r\n\r\n";
    String response;
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      response = readAll(socket.getInputStream());
    }

    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).containsIgnoringCase("content-type: application/problem+json");
    assertThat(response).contains("\"type\":\"https://iceos.ai/problems/payload-too-large\"");
  }

  @Test
  void shouldAnswer500WithOnlyATraceReferenceWhenTheDatabaseFails() {
    // given: a table every policy read needs is gone
    sql("alter table blueprint.org_policy rename to org_policy_hidden");
    String body;
    try {
      // when
      var response = authorized().get("/api/v1/policy");

      // then
      response
          .then()
          .statusCode(500)
          .contentType(PROBLEM)
          .body("type", equalTo("https://iceos.ai/problems/internal-error"))
          .body("detail", equalTo("The request could not be completed."))
          .body("instance", startsWith("urn:iceos:trace:"));
      body = response.asString();
    } finally {
      sql("alter table blueprint.org_policy_hidden rename to org_policy");
    }
    assertThat(body).doesNotContain("org_policy", "Exception", "relation", "select", "at ai.");
    assertThat(response500Fields(body))
        .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance");
  }

  private static java.util.List<String> response500Fields(String body) {
    java.util.List<String> fields = new java.util.ArrayList<>();
    ai.iceos.blueprint.TestKafka.json(body).fieldNames().forEachRemaining(fields::add);
    return fields;
  }

  private void sql(String statement) {
    pool.query(statement).execute().await().indefinitely();
  }

  @Test
  void shouldPublishTheOpenApiDocument() {
    given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", startsWith("3."));
  }

  private static String readAll(InputStream in) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    int read;
    while ((read = in.read(chunk)) != -1) {
      buffer.write(chunk, 0, read);
      if (buffer.toString(StandardCharsets.UTF_8).contains("}")) {
        break;
      }
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  private static io.restassured.specification.RequestSpecification authorized() {
    return given().header("Authorization", Tokens.bearer(Tokens.ACME));
  }

  private static io.restassured.specification.RequestSpecification createRequest() {
    return authorized().header("X-Version-Lock", "__new__").contentType("application/json");
  }
}
