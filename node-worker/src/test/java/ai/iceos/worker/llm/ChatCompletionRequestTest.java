package ai.iceos.worker.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.json.IceosJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompletionRequestTest {
  @Test
  void shouldUseDefaultsForAMinimalNode() throws Exception {
    var request = ChatCompletionRequest.of(LlmNodeSpec.of("a", "gpt-x", "p"), null, "hi");

    assertThat(IceosJson.mapper().writeValueAsString(request))
        .isEqualTo(
            "{\"model\":\"gpt-x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"temperature\":0.7}");
  }

  @Test
  void shouldSendSystemMessageSettingsAndJsonFormat() throws Exception {
    var node =
        new LlmNodeSpec(
            "a",
            null,
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "gpt-x",
            "p",
            IceosJson.mapper()
                .readTree(
                    "{\"max_tokens\": 9, \"top_p\": 0.9, \"temperature\": 1.5,"
                        + " \"stop_sequences\": [\"END\"]}"),
            0.2,
            null,
            "sys",
            "json");

    var request = ChatCompletionRequest.of(node, "be brief", "hi");

    assertThat(request.messages())
        .containsExactly(ChatMessage.system("be brief"), ChatMessage.user("hi"));
    assertThat(request.temperature()).isEqualTo(0.2);
    assertThat(request.maxTokens()).isEqualTo(9);
    assertThat(request.topP()).isEqualTo(0.9);
    assertThat(request.stop()).containsExactly("END");
    assertThat(IceosJson.mapper().writeValueAsString(request))
        .contains("\"response_format\":{\"type\":\"json_object\"}", "\"max_tokens\":9");
  }
}
