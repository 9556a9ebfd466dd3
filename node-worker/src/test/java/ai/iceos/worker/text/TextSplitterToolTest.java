package ai.iceos.worker.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.worker.tool.ToolContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterToolTest {
  private final TextSplitterTool tool = new TextSplitterTool();

  @Test
  void shouldSplitAtSpacesWithoutCuttingWords() {
    assertThat(chunks("alpha beta gamma delta", 12, 0))
        .containsExactly("alpha beta", "gamma delta");
  }

  @Test
  void shouldPreferParagraphBreaksAndRepeatTheOverlap() {
    assertThat(chunks("one two.\n\nthree four five", 16, 0))
        .containsExactly("one two.", "three four five");
    List<String> overlapping = chunks("abcdefghij", 4, 2);
    assertThat(overlapping).containsExactly("abcd", "cdef", "efgh", "ghij");
  }

  @Test
  void shouldKeepAShortTextWholeAndRejectOverlapNotBelowSize() {
    assertThat(chunks("short", 1000, 0)).containsExactly("short");
    assertThatThrownBy(() -> chunks("abc", 2, 2))
        .hasMessage("'chunk_overlap' must be smaller than 'chunk_size'");
  }

  private List<String> chunks(String text, int size, int overlap) {
    ObjectNode args = IceosJson.mapper().createObjectNode();
    args.put("text", text).put("chunk_size", size).put("chunk_overlap", overlap);
    JsonNode result =
        tool.execute(args, new ToolContext("e", "n", "t", null, 1))
            .await()
            .atMost(Duration.ofSeconds(5));
    List<String> chunks = new ArrayList<>();
    result.get("chunks").forEach(chunk -> chunks.add(chunk.asText()));
    assertThat(result.get("count").asInt()).isEqualTo(chunks.size());
    return chunks;
  }
}
