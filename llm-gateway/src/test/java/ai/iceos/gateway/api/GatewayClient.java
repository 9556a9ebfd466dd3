package ai.iceos.gateway.api;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** A small client for the gateway's endpoints in tests. */
final class GatewayClient {
  private final Map<String, String> headers;

  private GatewayClient(Map<String, String> headers) {
    this.headers = Map.copyOf(headers);
  }

  static GatewayClient anonymous() {
    return new GatewayClient(Map.of());
  }

  static GatewayClient forExecution(String orgId, String executionId, String nodeId) {
    return new GatewayClient(
        Map.of(
            "X-Iceos-Org-Id", orgId,
            "X-Iceos-Execution-Id", executionId,
            "X-Iceos-Node-Id", nodeId));
  }

  ValidatableResponse chat(String body) {
    return request().contentType(ContentType.JSON).body(body).post("/v1/chat/completions").then();
  }

  ValidatableResponse chat(String model, String prompt, Integer maxTokens) {
    String limit = maxTokens == null ? "" : ", \"max_tokens\": " + maxTokens;
    return chat(
        "{\"model\": \""
            + model
            + "\", \"messages\": [{\"role\": \"user\", \"content\": \""
            + prompt
            + "\"}]"
            + limit
            + "}");
  }

  ValidatableResponse usageOfExecution(String executionId) {
    return given().queryParam("execution_id", executionId).get("/api/v1/usage").then();
  }

  ValidatableResponse usageOfOrg(String orgId) {
    return given().queryParam("org_id", orgId).get("/api/v1/usage").then();
  }

  ValidatableResponse budget(String scope) {
    return given().get("/api/v1/budgets/{scope}", scope).then();
  }

  ValidatableResponse putBudget(String scope, String body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/budgets/{scope}", scope)
        .then();
  }

  ValidatableResponse models() {
    return given().get("/v1/models").then();
  }

  ValidatableResponse model(String id) {
    return given().get("/v1/models/{id}", id).then();
  }

  private RequestSpecification request() {
    return given().headers(headers);
  }

  /** Decimals (prices, costs) are read as exact {@code BigDecimal}s. */
  private static RequestSpecification given() {
    return RestAssured.given()
        .config(
            RestAssuredConfig.config()
                .jsonConfig(
                    JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL)));
  }
}
