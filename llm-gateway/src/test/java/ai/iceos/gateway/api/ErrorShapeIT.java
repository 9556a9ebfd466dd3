package ai.iceos.gateway.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import ai.iceos.gateway.resilience.FailingProviderResource;
import ai.iceos.testkit.KafkaPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every refusal of the gateway is an OpenAI error body with the documented status and code. */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
@WithTestResource(FailingProviderResource.class)
class ErrorShapeIT {
  private final GatewayClient client = GatewayClient.anonymous();

  @Test
  void shouldRejectMalformedJson() {
    expectError(client.chat("{\"model\": \"gpt-4o\", \"messages\": ["), 400, "invalid_request");
  }

  @Test
  void shouldRejectAWronglyTypedField() {
    expectError(
            client.chat("{\"model\": \"gpt-4o\", \"messages\": \"hi\"}"), 400, "invalid_request")
        .body("error.param", equalTo("messages"));
  }

  @Test
  void shouldRejectMissingModelAndMessages() {
    expectError(
            client.chat("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}"),
            400,
            "invalid_request")
        .body("error.param", equalTo("model"));
    expectError(client.chat("{\"model\": \"gpt-4o\"}"), 400, "invalid_request")
        .body("error.param", equalTo("messages"));
    expectError(client.chat(""), 400, "invalid_request");
  }

  @Test
  void shouldRejectAnUnroutedModel() {
    expectError(client.chat("llama-unknown-7b", "hi", null), 404, "model_not_found")
        .body("error.param", equalTo("model"));
    expectError(client.model("llama-unknown-7b"), 404, "model_not_found");
  }

  @Test
  void shouldRejectAPromptLongerThanTheContextWindow() {
    // offline-tiny is configured in the test profile with a 16-token context window
    expectError(
            client.chat("offline-tiny", "one two three four five six seven eight nine ten", null),
            400,
            "context_length_exceeded")
        .body("error.param", equalTo("messages"));
    client.chat("offline-tiny", "short", null).statusCode(200);
  }

  @Test
  void shouldAnswerUnknownPathsAndMethodsInTheSameShape() {
    expectError(io.restassured.RestAssured.get("/v1/nothing-here").then(), 404, "not_found");
    expectError(
        io.restassured.RestAssured.get("/v1/chat/completions").then(), 405, "method_not_allowed");
  }

  @Test
  void shouldRefuseACallOverBudgetWith402() {
    String execution = UUID.randomUUID().toString();
    client.putBudget("execution:" + execution, "{\"limit_usd\": 0}").statusCode(200);

    expectError(
            GatewayClient.forExecution("org-a", execution, "n1").chat("gpt-4o", "hello", 10),
            402,
            "budget_exceeded")
        .body("error.type", equalTo("insufficient_quota"));

    client.usageOfExecution(execution).statusCode(200).body("calls", equalTo(0));
  }

  @Test
  void shouldValidateUsageAndBudgetRequests() {
    expectError(io.restassured.RestAssured.get("/api/v1/usage").then(), 400, "invalid_request");
    expectError(client.budget("team:42"), 400, "invalid_request")
        .body("error.param", equalTo("scope"));
    expectError(client.budget("org:" + UUID.randomUUID()), 404, "not_found");
    expectError(client.putBudget("org:x", "{\"limit_usd\": -1}"), 400, "invalid_request")
        .body("error.param", equalTo("limit_usd"));
    expectError(
            client.putBudget("org:x", "{\"limit_usd\": 1, \"period\": \"year\"}"),
            400,
            "invalid_request")
        .body("error.param", equalTo("period"));
  }

  private static ValidatableResponse expectError(
      ValidatableResponse response, int status, String code) {
    return response
        .statusCode(status)
        .contentType("application/json")
        .body("error.code", equalTo(code))
        .body("error.type", notNullValue())
        .body("error.message", notNullValue())
        .body("error", hasKey("param"))
        .body("$", not(hasKey("type")));
  }
}
