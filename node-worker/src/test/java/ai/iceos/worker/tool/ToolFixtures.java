package ai.iceos.worker.tool;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;

/** Contexts, JSON and waiting for tool tests of every toolkit. */
public final class ToolFixtures {
  /** The first attempt of a node outside any loop, with an empty scope. */
  public static final ToolContext NO_SCOPE = attempt(1);

  private ToolFixtures() {}

  public static ToolContext attempt(int attempt) {
    return new ToolContext("exec-1", "node-1", "exec-1:node-1:" + attempt, "org-1", attempt);
  }

  /** The first attempt of a node with this scope and these direct dependencies. */
  public static ToolContext scope(JsonNode scope, String... dependencies) {
    return new ToolContext(
        "exec-1", "node-1", "exec-1:node-1:1", "org-1", 1, scope, List.of(dependencies));
  }

  public static JsonNode json(String text) {
    try {
      return IceosJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static <T> T await(Uni<T> uni) {
    return uni.await().atMost(Duration.ofSeconds(10));
  }
}
