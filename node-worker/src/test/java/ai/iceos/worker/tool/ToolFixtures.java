package ai.iceos.worker.tool;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

final class ToolFixtures {
  private ToolFixtures() {}

  static ToolContext attempt(int attempt) {
    return new ToolContext("exec-1", "node-1", "exec-1:node-1:" + attempt, "org-1", attempt);
  }

  static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static <T> T await(Uni<T> uni) {
    return uni.await().atMost(Duration.ofSeconds(10));
  }
}
