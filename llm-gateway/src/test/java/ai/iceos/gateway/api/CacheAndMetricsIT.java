package ai.iceos.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ai.iceos.gateway.resilience.FailingProviderResource;
import ai.iceos.testkit.KafkaPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deterministic requests are answered from the cache for free, and every call is measured. */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
@WithTestResource(FailingProviderResource.class)
class CacheAndMetricsIT {

  @Test
  void shouldAnswerARepeatedTemperatureZeroRequestFromTheCacheAtNoCost() {
    String execution = UUID.randomUUID().toString();
    var client = GatewayClient.forExecution("org-cache", execution, "n1");
    client.putBudget("execution:" + execution, "{\"limit_usd\": 1}").statusCode(200);
    String body =
        "{\"model\": \"gpt-4o\", \"temperature\": 0, \"messages\": [{\"role\": \"user\","
            + " \"content\": \"cache me "
            + execution
            + "\"}]}";

    var first = client.chat(body).statusCode(200).body("provider", equalTo("offline"));
    first.body("usage.cache_hit", nullValue());
    var second =
        client
            .chat(body)
            .statusCode(200)
            .body("provider", equalTo("cache"))
            .body("usage.cache_hit", equalTo(true))
            .body("usage.cost_usd", equalTo(new BigDecimal("0.000000")))
            .extract()
            .jsonPath();

    var firstBody = first.extract().jsonPath();
    assertThat(second.getString("choices[0].message.content"))
        .isEqualTo(firstBody.getString("choices[0].message.content"));
    var budget = client.budget("execution:" + execution).extract().jsonPath();
    assertThat(budget.getObject("spent_usd", BigDecimal.class))
        .isEqualByComparingTo(firstBody.getObject("usage.cost_usd", BigDecimal.class));
    client.usageOfExecution(execution).statusCode(200).body("calls", equalTo(2));
  }

  @Test
  void shouldNotCacheWhenTheClientOptsOut() {
    String body =
        "{\"model\": \"gpt-4o\", \"temperature\": 0, \"messages\": [{\"role\": \"user\","
            + " \"content\": \"no cache "
            + UUID.randomUUID()
            + "\"}]}";
    for (int i = 0; i < 2; i++) {
      RestAssured.given()
          .contentType("application/json")
          .header("X-Iceos-Cache", "false")
          .body(body)
          .post("/v1/chat/completions")
          .then()
          .statusCode(200)
          .body("provider", equalTo("offline"));
    }
  }

  @Test
  void shouldExposeTokensCostLatencyAndBreakerMetrics() {
    GatewayClient.anonymous().chat("gpt-4o", "measure me", null).statusCode(200);

    RestAssured.given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("iceos_gateway_tokens_total{kind=\"prompt\",model=\"gpt-4o\""))
        .body(containsString("iceos_gateway_cost_micro_usd_total"))
        .body(containsString("iceos_gateway_request_latency_seconds_bucket"))
        .body(containsString("iceos_gateway_breaker_state{provider=\"fakeai\""));
  }
}
