package ai.iceos.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.iceos.gateway.chat.ChatMessage;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.ToolChoice;
import ai.iceos.gateway.provider.fake.FakeOpenAi;
import ai.iceos.gateway.provider.fake.FakeProviderServer;
import ai.iceos.gateway.provider.fake.FakeReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenAiProviderTest extends HttpProviderTest {

  @BeforeAll
  static void startFake() {
    fake = new FakeProviderServer(FakeOpenAi::answer);
  }

  @AfterEach
  void answerNormally() {
    fake.answerWith(FakeOpenAi::answer);
  }

  @Override
  protected LlmProvider provider() {
    var endpoint =
        new ProviderEndpoint(
            "openai", ProviderEndpoint.WireFormat.OPENAI, fake.baseUrl("/v1"), new Secret(KEY));
    return new OpenAiProvider(endpoint, HTTP, METER, JSON);
  }

  @Override
  protected String model() {
    return "gpt-4o";
  }

  @Test
  void shouldSendTheOpenAiRequestWithBearerKey() throws Exception {
    var request =
        new ChatRequest(
            "gpt-4o",
            List.of(ChatMessage.of(Role.SYSTEM, "Be brief."), ChatMessage.of(Role.USER, "Hi")),
            List.of(weatherTool()),
            new ToolChoice.Named("weather"),
            0.0,
            50,
            JSON.readTree(
                "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"w\",\"schema\":{\"type\":\"object\"}}}"),
            List.of("END"));

    complete(request);

    var sent = fake.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.headers()).containsEntry("Authorization", "Bearer " + KEY);
    assertThat(sent.body().path("messages").path(0).path("role").asText()).isEqualTo("system");
    assertThat(sent.body().path("tools").path(0).path("function").path("name").asText())
        .isEqualTo("weather");
    assertThat(sent.body().path("tool_choice").path("function").path("name").asText())
        .isEqualTo("weather");
    assertThat(sent.body().path("response_format").path("type").asText()).isEqualTo("json_schema");
    assertThat(sent.body().path("temperature").asDouble()).isZero();
    assertThat(sent.body().path("max_tokens").asInt()).isEqualTo(50);
    assertThat(sent.body().path("stop").path(0).asText()).isEqualTo("END");
    assertThat(sent.body().has("stream")).isFalse();
  }

  @Test
  void shouldReportCachedPromptTokens() {
    var response = complete(ChatRequest.of("gpt-4o", List.of(ChatMessage.of(Role.USER, "Hi"))));

    assertThat(response.usage().promptTokens()).isEqualTo(21);
    assertThat(response.usage().cachedPromptTokens()).isEqualTo(5);
  }

  @Test
  void shouldStreamChunkByChunkAskingForUsage() {
    var request = ChatRequest.of("gpt-4o", List.of(ChatMessage.of(Role.USER, "Hi")));

    var deltas = deltas(request);

    assertThat(deltas.stream().filter(d -> d.content() != null && !d.content().isEmpty()))
        .hasSizeGreaterThan(1);
    assertThat(fake.lastRequest().body().path("stream").asBoolean()).isTrue();
    assertThat(fake.lastRequest().body().path("stream_options").path("include_usage").asBoolean())
        .isTrue();
  }

  @Test
  void shouldCountTokensWhenTheServerReportsNoUsage() {
    fake.answerWith(
        r ->
            FakeReply.json(
                "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"llama3\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"Hello there\"},\"finish_reason\":\"stop\"}]}"));
    var messages = List.of(ChatMessage.of(Role.USER, "Hi"));

    var response = complete(ChatRequest.of("llama3", messages));

    assertThat(response.usage().promptTokens())
        .isEqualTo(METER.countPrompt("llama3", messages, List.of()));
    assertThat(response.usage().completionTokens()).isEqualTo(METER.count("llama3", "Hello there"));
  }

  @Test
  void shouldCountTokensOfAStreamCutBeforeItsUsage() {
    fake.answerWith(
        r ->
            new FakeReply.Events(
                List.of(
                    new FakeReply.Event(
                        null,
                        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello there\"},"
                            + "\"finish_reason\":null}]}"))));
    var request = ChatRequest.of("gpt-4o", List.of(ChatMessage.of(Role.USER, "Hi")));

    var response = stream(request);

    assertThat(response.message().content()).isEqualTo("Hello there");
    assertThat(response.usage().completionTokens()).isEqualTo(METER.count("gpt-4o", "Hello there"));
  }

  @Test
  void shouldFailWithTheStatusAndRetryAfterButNotTheBody() {
    fake.answerWith(r -> FakeReply.status(429, Map.of("Retry-After", "7")));

    var failure =
        catchThrowableOfType(
            ProviderFailure.class,
            () -> complete(ChatRequest.of("gpt-4o", List.of(ChatMessage.of(Role.USER, "Hi")))));

    assertThat(failure.status()).isEqualTo(429);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(failure.getMessage()).doesNotContain("fake failure");
  }

  @Test
  void shouldNotRetryARejectedRequest() {
    fake.answerWith(r -> FakeReply.status(401, Map.of()));

    var failure =
        catchThrowableOfType(
            ProviderFailure.class,
            () -> complete(ChatRequest.of("gpt-4o", List.of(ChatMessage.of(Role.USER, "Hi")))));

    assertThat(failure.retryable()).isFalse();
  }
}
