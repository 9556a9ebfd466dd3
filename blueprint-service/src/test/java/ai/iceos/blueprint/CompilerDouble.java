package ai.iceos.blueprint;

import static io.restassured.RestAssured.given;

import ai.iceos.blueprint.execution.Plans;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.messaging.BlueprintCompiled;
import ai.iceos.contracts.messaging.BlueprintRejected;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.contracts.plan.ExecutionPlan;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Plays compiler-service for one create: reads its CompileBlueprint, answers with a verdict. */
public final class CompilerDouble {
  private CompilerDouble() {}

  /** A two-node blueprint document marked with a unique draft name. */
  public static String document(String marker) {
    return """
        {"metadata": {"draft_name": "%s"},
         "nodes": [{"id": "a", "type": "tool", "tool_name": "echo"},
                   {"id": "b", "type": "tool", "tool_name": "echo", "dependencies": ["a"]}]}
        """
        .formatted(marker);
  }

  /** POSTs the document in the background. */
  public static CompletableFuture<Response> create(String token, String document) {
    return CompletableFuture.supplyAsync(
        () ->
            given()
                .header("Authorization", Tokens.bearer(token))
                .header("X-Version-Lock", "__new__")
                .contentType("application/json")
                .body(document)
                .post("/api/v1/blueprints")
                .andReturn());
  }

  /** The CompileBlueprint sent for the document with this marker. */
  public static JsonNode awaitCommand(String marker) {
    return TestKafka.awaitRecord(
        Topics.BLUEPRINT_COMMANDS,
        r ->
            marker.equals(r.value().path("document").path("metadata").path("draft_name").asText()));
  }

  public static void compile(JsonNode command, ExecutionPlan plan) {
    String id = command.path("blueprint_id").asText();
    TestKafka.send(
        Topics.BLUEPRINT_EVENTS,
        id,
        new BlueprintCompiled(
            UUID.randomUUID(),
            UUID.fromString(command.path("message_id").asText()),
            id,
            command.path("revision").asLong(),
            plan,
            Instant.now()));
  }

  public static void reject(JsonNode command, List<Violation> violations, boolean forbidden) {
    String id = command.path("blueprint_id").asText();
    TestKafka.send(
        Topics.BLUEPRINT_EVENTS,
        id,
        new BlueprintRejected(
            UUID.randomUUID(),
            UUID.fromString(command.path("message_id").asText()),
            id,
            command.path("revision").asLong(),
            violations,
            forbidden,
            Instant.now()));
  }

  /** Creates a blueprint and compiles it to {@code plan}; returns the create response. */
  public static Response createCompiled(String token, ExecutionPlan plan) {
    String marker = UUID.randomUUID().toString();
    CompletableFuture<Response> response = create(token, document(marker));
    compile(awaitCommand(marker), plan);
    return response.join();
  }

  /**
   * Replaces the blueprint's document under {@code lock} and compiles the new revision to {@code
   * plan}; returns the PUT response.
   */
  public static Response replaceCompiled(String token, String id, String lock, ExecutionPlan plan) {
    String marker = UUID.randomUUID().toString();
    CompletableFuture<Response> response =
        CompletableFuture.supplyAsync(
            () ->
                given()
                    .header("Authorization", Tokens.bearer(token))
                    .header("X-Version-Lock", lock)
                    .contentType("application/json")
                    .body(document(marker))
                    .put("/api/v1/blueprints/" + id)
                    .andReturn());
    compile(awaitCommand(marker), plan);
    return response.join();
  }

  /** A plan whose estimate averages $0.25. */
  public static ExecutionPlan costlyPlan() {
    return Plans.costing(250_000);
  }

  public static ExecutionPlan plan(String inputsSchema) {
    return Plans.twoTools(inputsSchema == null ? null : TestKafka.json(inputsSchema));
  }
}
