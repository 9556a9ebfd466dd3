package ai.iceos.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.gateway.resilience.FailingProviderResource;
import ai.iceos.testkit.KafkaPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An org over its calls per minute is refused with 429 rate_limited and Retry-After. */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
@WithTestResource(FailingProviderResource.class)
class RateLimitIT {
  private static final int CALLS = 5;

  @Test
  void shouldRefuseCallsOverTheOrgsRequestsPerMinute() {
    // 5 calls span at most 2 UTC minutes, so at most 2 × rpm (4) can pass
    List<ExtractableResponse<Response>> answers = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      answers.add(chat("org-limited"));
    }

    var refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
    assertThat(refused).isNotEmpty();
    assertThat(answers).allMatch(a -> a.statusCode() == 200 || a.statusCode() == 429);
    var first = refused.getFirst();
    assertThat(first.jsonPath().getString("error.code")).isEqualTo("rate_limited");
    assertThat(Integer.parseInt(first.header("Retry-After"))).isBetween(1, 61);
    assertThat(chat("org-unlimited").statusCode()).isEqualTo(200);
  }

  private static ExtractableResponse<Response> chat(String org) {
    return RestAssured.given()
        .contentType(ContentType.JSON)
        .header("X-Iceos-Org-Id", org)
        .body("{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}")
        .post("/v1/chat/completions")
        .then()
        .extract();
  }
}
