package ai.iceos.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.gateway.chat.Role;
import ai.iceos.gateway.chat.ToolChoice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ChatCompletionRequestTest {
  private static final ObjectMapper JSON = IceosJson.configure(new ObjectMapper());

  @Test
  void shouldMapAnOpenAiRequest() throws Exception {
    var request =
        parse(
                """
            {"model": "gpt-4o", "temperature": 0, "max_tokens": 12,
             "response_format": {"type": "json_object"},
             "messages": [
               {"role": "system", "content": "Be terse"},
               {"role": "user", "content": [{"type": "text", "text": "Hi "}, {"type": "text", "text": "there"}]}],
             "tools": [{"type": "function", "function": {"name": "lookup", "parameters": {}}}],
             "tool_choice": {"type": "function", "function": {"name": "lookup"}}}
            """)
            .toChatRequest();

    assertThat(request.model()).isEqualTo("gpt-4o");
    assertThat(request.maxTokens()).isEqualTo(12);
    assertThat(request.jsonResponse()).isTrue();
    assertThat(request.messages())
        .extracting(m -> m.role())
        .containsExactly(Role.SYSTEM, Role.USER);
    assertThat(request.messages().get(1).content()).isEqualTo("Hi there");
    assertThat(request.toolChoice()).isEqualTo(new ToolChoice.Named("lookup"));
  }

  @Test
  void shouldPreferMaxCompletionTokens() throws Exception {
    var request =
        parse(
            """
            {"model": "m", "max_tokens": 50, "max_completion_tokens": 7,
             "messages": [{"role": "user", "content": "x"}]}
            """);

    assertThat(request.toChatRequest().maxTokens()).isEqualTo(7);
  }

  @Test
  void shouldNameTheInvalidField() {
    assertRejected("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}", "model");
    assertRejected("{\"model\": \"gpt-4o\"}", "messages");
    assertRejected("{\"model\": \"gpt-4o\", \"messages\": []}", "messages");
    assertRejected(
        "{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"wizard\", \"content\": \"x\"}]}",
        "messages[0].role");
    assertRejected(
        "{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": 5}]}",
        "messages[0].content");
    assertRejected(
        "{\"model\": \"gpt-4o\", \"temperature\": 3, \"messages\": [{\"role\": \"user\"}]}",
        "temperature");
    assertRejected(
        "{\"model\": \"gpt-4o\", \"max_tokens\": 0, \"messages\": [{\"role\": \"user\"}]}",
        "max_tokens");
    assertRejected(
        "{\"model\": \"gpt-4o\", \"tool_choice\": {\"type\": \"function\", \"function\": {\"name\":"
            + " \"nope\"}}, \"messages\": [{\"role\": \"user\"}]}",
        "tool_choice");
  }

  private static void assertRejected(String body, String param) {
    assertThatThrownBy(() -> parse(body).toChatRequest())
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
              assertThat(e.param()).isEqualTo(param);
            });
  }

  private static ChatCompletionRequest parse(String body) throws Exception {
    JsonNode tree = JSON.readTree(body);
    return JSON.treeToValue(tree, ChatCompletionRequest.class);
  }
}
