package ai.iceos.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import ai.iceos.testkit.KafkaPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * With the provider failing, its breaker opens, calls (streamed ones too, before any event) fail
 * fast with 503 and Retry-After, a model with a fallback is served by the fallback, and the breaker
 * closes once the provider recovers.
 */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
@WithTestResource(FailingProviderResource.class)
class ProviderBreakerIT {
  private static final String BREAKER = "provider-fakeai";

  @Test
  void shouldOpenFailFastFallBackAndCloseAgain() {
    // given: the provider serves
    control("recover");
    chat("fake-solo").statusCode(200).body("provider", equalTo("fakeai"));

    // when: it fails, every call is retried once and then refused with 503 until the breaker opens
    control("fail");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              chat("fake-solo")
                  .statusCode(503)
                  .header("Retry-After", matchesPattern("[0-9]+"))
                  .body("error.code", equalTo("provider_unavailable"));
              return breakerState() == CircuitBreakerState.OPEN;
            });

    // then: an open breaker refuses without calling the provider, until its 2 s delay is over
    int callsBefore = calls();
    chat("fake-solo")
        .statusCode(503)
        .body("error.code", equalTo("provider_unavailable"))
        .header("Retry-After", matchesPattern("[12]"));
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body(
            "{\"model\": \"fake-solo\", \"stream\": true, \"messages\": [{\"role\": \"user\","
                + " \"content\": \"Hi\"}]}")
        .post("/v1/chat/completions")
        .then()
        .statusCode(503)
        .contentType(ContentType.JSON)
        .header("Retry-After", matchesPattern("[12]"))
        .body("error.code", equalTo("provider_unavailable"));
    assertThat(calls()).isEqualTo(callsBefore);

    // and: a model with a fallback is served by the fallback
    chat("fake-primary")
        .statusCode(200)
        .body("model", equalTo("echo-fallback"))
        .body("provider", equalTo("offline"))
        .body("choices[0].message.content", equalTo("ECHO::Hi"));

    // when: the provider recovers, the breaker lets a trial call through after its delay and closes
    control("recover");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> chat("fake-solo").extract().statusCode() == 200);
    assertThat(breakerState()).isEqualTo(CircuitBreakerState.CLOSED);
    chat("fake-primary").statusCode(200).body("provider", equalTo("fakeai"));
  }

  private static CircuitBreakerState breakerState() {
    return CircuitBreakerMaintenance.get().currentState(BREAKER);
  }

  private static ValidatableResponse chat(String model) {
    return RestAssured.given()
        .contentType(ContentType.JSON)
        .body(
            "{\"model\": \""
                + model
                + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}")
        .post("/v1/chat/completions")
        .then();
  }

  private static void control(String action) {
    RestAssured.given().post(controlUrl() + "/" + action).then().statusCode(200);
  }

  private static int calls() {
    return RestAssured.given().post(controlUrl() + "/calls").then().extract().path("calls");
  }

  /** Read when used: only this class's application has the fake. */
  private static String controlUrl() {
    return ConfigProvider.getConfig().getValue("fake-provider.control-url", String.class);
  }
}
