package ai.iceos.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import ai.iceos.gateway.budget.TokenMeter;
import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.resilience.FailingProviderResource;
import ai.iceos.testkit.KafkaPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
@WithTestResource(FailingProviderResource.class)
class ChatCompletionIT {

  @Test
  void shouldAnswerOfflineInTheOpenAiShapeAndRecordUsage() {
    String org = "org-" + UUID.randomUUID();
    String execution = UUID.randomUUID().toString();
    var client = GatewayClient.forExecution(org, execution, "summarize");

    var body =
        client
            .chat("gpt-4o", "Summarise the report", null)
            .statusCode(200)
            .body("id", matchesPattern("chatcmpl-[0-9a-f]{32}"))
            .body("object", equalTo("chat.completion"))
            .body("created", greaterThan(0))
            .body("model", equalTo("gpt-4o"))
            .body("provider", equalTo("offline"))
            .body("choices[0].index", equalTo(0))
            .body("choices[0].message.role", equalTo("assistant"))
            .body("choices[0].message.content", equalTo("ECHO::Summarise the report"))
            .body("choices[0].message.tool_calls", nullValue())
            .body("choices[0].finish_reason", equalTo("stop"))
            .extract()
            .jsonPath();
    int prompt = body.getInt("usage.prompt_tokens");
    int completion = body.getInt("usage.completion_tokens");
    var meter = new TokenMeter();
    assertThat(prompt)
        .isEqualTo(
            meter.countPrompt(
                "gpt-4o", List.of(ChatMessage.of(Role.USER, "Summarise the report")), List.of()));
    assertThat(completion).isEqualTo(meter.count("gpt-4o", "ECHO::Summarise the report"));
    assertThat(body.getInt("usage.total_tokens")).isEqualTo(prompt + completion);
    // gpt-4o: $2.50 / $10 per 1M tokens, rounded up to whole micro-USD
    long cost = (long) Math.ceil(prompt * 2.5 + completion * 10.0);
    assertThat(body.getObject("usage.cost_usd", BigDecimal.class))
        .isEqualByComparingTo(BigDecimal.valueOf(cost, 6));

    client.chat("gpt-4o-mini", "again", 5).statusCode(200);

    client
        .usageOfExecution(execution)
        .statusCode(200)
        .body("calls", equalTo(2))
        .body("prompt_tokens", greaterThan(prompt))
        .body("cost_usd", notNullValue());
    client.usageOfOrg(org).statusCode(200).body("calls", equalTo(2));
    client.usageOfOrg("org-nobody").statusCode(200).body("calls", equalTo(0));
  }

  @Test
  void shouldCallANamedToolThenEchoItsResult() {
    var client = GatewayClient.anonymous();
    String tools =
        "\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"search\", \"parameters\":"
            + " {\"type\": \"object\", \"properties\": {\"q\": {\"type\": \"string\"}}}}},"
            + " {\"type\": \"function\", \"function\": {\"name\": \"weather\", \"parameters\":"
            + " {\"type\": \"object\", \"properties\": {\"days\": {\"type\": \"integer\","
            + " \"default\": 3}}}}}]";

    var call =
        client
            .chat(
                "{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"use"
                    + " weather\"}], "
                    + tools
                    + "}")
            .statusCode(200)
            .body("choices[0].finish_reason", equalTo("tool_calls"))
            .body("choices[0].message.tool_calls[0].type", equalTo("function"))
            .body("choices[0].message.tool_calls[0].function.name", equalTo("weather"))
            .body("choices[0].message.tool_calls[0].function.arguments", equalTo("{\"days\":3}"))
            .extract()
            .jsonPath();
    String callId = call.getString("choices[0].message.tool_calls[0].id");

    client
        .chat(
            "{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"use"
                + " weather\"}, {\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\":"
                + " \""
                + callId
                + "\", \"type\": \"function\", \"function\": {\"name\": \"weather\","
                + " \"arguments\": \"{}\"}}]}, {\"role\": \"tool\", \"tool_call_id\": \""
                + callId
                + "\", \"content\": \"{\\\"temp\\\": 21}\"}], "
                + tools
                + "}")
        .statusCode(200)
        .body("choices[0].finish_reason", equalTo("stop"))
        .body("choices[0].message.content", equalTo("ECHO::{\"temp\": 21}"));
  }

  @Test
  void shouldStreamChunksEndingWithUsageAndDone() {
    String events =
        GatewayClient.anonymous()
            .chat(
                "{\"model\": \"gpt-4o\", \"stream\": true, \"messages\": [{\"role\": \"user\","
                    + " \"content\": \"stream me\"}]}")
            .statusCode(200)
            .contentType(startsWith("text/event-stream"))
            .extract()
            .asString();

    List<String> data =
        events.lines().filter(line -> line.startsWith("data: ")).map(l -> l.substring(6)).toList();
    assertThat(data).hasSize(3).last().isEqualTo("[DONE]");
    var first = new JsonPath(data.get(0));
    assertThat(first.getString("object")).isEqualTo("chat.completion.chunk");
    assertThat(first.getString("choices[0].delta.role")).isEqualTo("assistant");
    assertThat(first.getString("choices[0].delta.content")).isEqualTo("ECHO::stream me");
    var last = new JsonPath(data.get(1));
    assertThat(last.getString("id")).isEqualTo(first.getString("id"));
    assertThat(last.getString("choices[0].finish_reason")).isEqualTo("stop");
    assertThat(last.getInt("usage.total_tokens")).isPositive();
  }

  @Test
  void shouldCutTheAnswerAtMaxTokens() {
    GatewayClient.anonymous()
        .chat("gpt-4o", "one two three four five six", 2)
        .statusCode(200)
        .body("choices[0].finish_reason", equalTo("length"))
        .body("usage.completion_tokens", equalTo(2));
  }

  @Test
  void shouldListModelsWithProviderWindowAndPrices() {
    var client = GatewayClient.anonymous();
    client
        .models()
        .statusCode(200)
        .body("object", equalTo("list"))
        .body("data.id", hasItems("gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "gemini-2.5-flash"))
        .body("data.find { it.id == 'gpt-4o' }.object", equalTo("model"))
        .body("data.find { it.id == 'gpt-4o' }.owned_by", equalTo("offline"))
        .body("data.find { it.id == 'gpt-4o' }.context_window", equalTo(128000))
        .body("data.find { it.id == 'gpt-4o' }.input_usd_per_1m", equalTo(new BigDecimal("2.5")))
        .body(
            "data.find { it.id == 'gpt-4o' }.cached_input_usd_per_1m",
            equalTo(new BigDecimal("1.25")))
        .body("data.find { it.id == 'gpt-4o' }.output_usd_per_1m", equalTo(10))
        .body(
            "data.find { it.id == 'gpt-4o-mini' }.input_usd_per_1m",
            equalTo(new BigDecimal("0.15")));
    client
        .model("offline-tiny")
        .statusCode(200)
        .body("owned_by", equalTo("offline"))
        .body("context_window", equalTo(16))
        .body("max_output_tokens", equalTo(8))
        .body("input_usd_per_1m", equalTo(1))
        .body("cached_input_usd_per_1m", equalTo(0));
    client.model("claude-sonnet-4").statusCode(200).body("context_window", equalTo(200000));
  }

  @Test
  void shouldListRoutedModelsWithoutAPriceToo() {
    var client = GatewayClient.anonymous();
    client
        .models()
        .statusCode(200)
        .body("data.id", hasItems("local-llama", "fake-primary", "echo-fallback", "gpt-4o"))
        .body("data.find { it.id == 'local-llama' }.object", equalTo("model"))
        .body("data.find { it.id == 'local-llama' }.owned_by", equalTo("offline"))
        .body("data.find { it.id == 'local-llama' }", not(hasKey("input_usd_per_1m")))
        .body("data.find { it.id == 'local-llama' }", not(hasKey("context_window")));
    client
        .model("echo-fallback")
        .statusCode(200)
        .body("id", equalTo("echo-fallback"))
        .body("owned_by", equalTo("offline"))
        .body("$", not(hasKey("output_usd_per_1m")));
    client.model("echo-not-named-anywhere").statusCode(404);
  }
}
