package ai.iceos.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ai.iceos.gateway.budget.TokenMeter;
import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.provider.fake.FakeAnswer;
import ai.iceos.gateway.resilience.FailingProviderResource;
import ai.iceos.testkit.KafkaPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * {@code stream: true} passes the provider's chunks on as they arrive: the client reads the first
 * word while the fake provider still holds the rest of its answer, and the call is booked once the
 * stream ends.
 */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
@WithTestResource(FailingProviderResource.class)
class ChatStreamIT {
  @TestHTTPResource("/v1/chat/completions")
  URI chat;

  @Test
  void shouldPassTheFirstChunkOnBeforeTheProviderHasFinished() throws Exception {
    String execution = UUID.randomUUID().toString();
    control("recover");
    control("gate");
    try {
      // when: a streamed call is answered by a provider that holds all but its first word
      HttpResponse<Stream<String>> response =
          HttpClient.newHttpClient()
              .sendAsync(streamRequest(execution), HttpResponse.BodyHandlers.ofLines())
              .get(30, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
      Iterator<String> lines = response.body().iterator();

      // then: the first word arrives while the provider has not sent the rest
      JsonPath first = new JsonPath(nextData(lines));
      assertThat(first.getString("object")).isEqualTo("chat.completion.chunk");
      assertThat(first.getString("provider")).isEqualTo("fakeai");
      assertThat(first.getString("choices[0].delta.role")).isEqualTo("assistant");
      assertThat(first.getString("choices[0].delta.content")).isEqualTo("The");
      assertThat(usageCalls(execution)).isZero();

      // when: the provider sends the rest
      control("open");
      List<String> rest = new ArrayList<>();
      while (lines.hasNext()) {
        String line = lines.next();
        if (line.startsWith("data: ")) {
          rest.add(line.substring(6));
        }
      }

      // then: the other words, a last chunk with the finish reason and the usage, then [DONE]
      assertThat(rest).last().isEqualTo("[DONE]");
      StringBuilder text = new StringBuilder(first.getString("choices[0].delta.content"));
      rest.subList(0, rest.size() - 2)
          .forEach(data -> text.append(new JsonPath(data).getString("choices[0].delta.content")));
      assertThat(text.toString()).isEqualTo(FakeAnswer.TEXT);
      JsonPath last = new JsonPath(rest.get(rest.size() - 2));
      assertThat(last.getString("id")).isEqualTo(first.getString("id"));
      assertThat(last.getString("choices[0].finish_reason")).isEqualTo("stop");
      assertThat(last.getInt("usage.prompt_tokens")).isEqualTo(FakeAnswer.PROMPT_TOKENS);
      assertThat(last.getInt("usage.completion_tokens")).isEqualTo(9);
    } finally {
      control("open");
    }

    // and: the call is recorded with the provider's usage
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> usageCalls(execution) == 1);
    GatewayClient.forExecution("org-stream", execution, "n1")
        .usageOfExecution(execution)
        .statusCode(200)
        .body("prompt_tokens", equalTo(FakeAnswer.PROMPT_TOKENS))
        .body("completion_tokens", equalTo(9));
  }

  @Test
  void shouldBookAStreamTheProviderCutWithTheTokenizerCountOfWhatArrived() throws Exception {
    String execution = UUID.randomUUID().toString();
    String scope = "execution:" + execution;
    GatewayClient.anonymous().putBudget(scope, "{\"limit_usd\": 100}").statusCode(200);
    control("recover");
    control("cut");

    // when: the provider sends the role and three words of a priced model, then drops the
    // connection
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .sendAsync(
                streamRequest(execution, "fake-metered"), HttpResponse.BodyHandlers.ofLines())
            .get(30, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> data =
        response.body().filter(line -> line.startsWith("data: ")).map(l -> l.substring(6)).toList();

    // then: the client got those three words, and the stream ended without [DONE]
    StringBuilder received = new StringBuilder();
    data.forEach(d -> received.append(new JsonPath(d).getString("choices[0].delta.content")));
    assertThat(received.toString()).isEqualTo("The fake provider");
    assertThat(data).doesNotContain("[DONE]");

    // and: the call is booked with the tokenizer's count of the prompt and of what arrived, and
    // its cost replaces the reservation in the budget
    var meter = new TokenMeter();
    int prompt =
        meter.countPrompt("fake-metered", List.of(ChatMessage.of(Role.USER, "Hi")), List.of());
    int completion = meter.count("fake-metered", "The fake provider");
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> usageCalls(execution) == 1);
    // fake-metered: $1,000 / $2,000 per 1M tokens = 1,000 / 2,000 micro-USD per token
    BigDecimal cost = BigDecimal.valueOf(prompt * 1_000L + completion * 2_000L, 6);
    JsonPath usage =
        GatewayClient.anonymous()
            .usageOfExecution(execution)
            .statusCode(200)
            .body("prompt_tokens", equalTo(prompt))
            .body("completion_tokens", equalTo(completion))
            .extract()
            .jsonPath();
    assertThat(usage.getObject("cost_usd", BigDecimal.class)).isEqualByComparingTo(cost);
    JsonPath budget = GatewayClient.anonymous().budget(scope).statusCode(200).extract().jsonPath();
    assertThat(budget.getObject("reserved_usd", BigDecimal.class)).isZero();
    assertThat(budget.getObject("spent_usd", BigDecimal.class)).isEqualByComparingTo(cost);
  }

  private HttpRequest streamRequest(String execution) {
    return streamRequest(execution, "fake-solo");
  }

  private HttpRequest streamRequest(String execution, String model) {
    return HttpRequest.newBuilder(chat)
        .header("Content-Type", "application/json")
        .header("X-Iceos-Org-Id", "org-stream")
        .header("X-Iceos-Execution-Id", execution)
        .header("X-Iceos-Node-Id", "n1")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"model\": \""
                    + model
                    + "\", \"stream\": true, \"max_tokens\": 50, \"messages\": [{\"role\":"
                    + " \"user\", \"content\": \"Hi\"}]}"))
        .build();
  }

  private static String nextData(Iterator<String> lines) {
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith("data: ")) {
        return line.substring(6);
      }
    }
    throw new AssertionError("the stream ended without a data line");
  }

  private static int usageCalls(String execution) {
    return GatewayClient.anonymous()
        .usageOfExecution(execution)
        .statusCode(200)
        .extract()
        .path("calls");
  }

  private static void control(String action) {
    String url = ConfigProvider.getConfig().getValue("fake-provider.control-url", String.class);
    RestAssured.given().post(url + "/" + action).then().statusCode(200);
  }
}
