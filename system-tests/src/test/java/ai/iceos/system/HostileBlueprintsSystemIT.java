package ai.iceos.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a careless or hostile client sends, through the whole system: each gets a clear 4xx problem,
 * nothing is stored, and the API keeps answering. A large but valid blueprint (well over Kafka's
 * default 1 MiB record size) still compiles.
 */
class HostileBlueprintsSystemIT {
  private final IceosApi api = RunningSystem.api();

  @Test
  void shouldRejectMalformedJsonWith400() {
    api.createBlueprintRaw("{\"nodes\": [").expectProblem(400);
  }

  @Test
  void shouldRejectATenMegabyteBodyWith413() {
    api.createBlueprintRaw("{\"metadata\": {\"pad\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}}")
        .expectProblem(413);
  }

  @Test
  void shouldRejectTenThousandNodesWith422AndStoreNothing() {
    // given
    String name = "too-many-" + UUID.randomUUID();
    ObjectNode blueprint = echoNodes(name, 10_000, 40);

    // when
    JsonNode problem = api.createBlueprint(blueprint).expectProblem(422);

    // then
    assertThat(codes(problem)).contains("too-many-nodes");
    assertNotStored(name);
  }

  @Test
  void shouldRejectDeeplyNestedNodesWith422AndStoreNothing() {
    // given: loops nested 60 deep
    String name = "too-deep-" + UUID.randomUUID();
    ObjectNode innermost =
        IceosJson.mapper().createObjectNode().put("id", "leaf").put("type", "tool");
    innermost.put("tool_name", "echo");
    ObjectNode node = innermost;
    for (int depth = 0; depth < 60; depth++) {
      ObjectNode loop = IceosJson.mapper().createObjectNode().put("id", "loop" + depth);
      loop.put("type", "loop").put("items_source", "inputs.items");
      loop.putArray("body").add(node);
      node = loop;
    }
    ObjectNode blueprint = IceosJson.mapper().createObjectNode();
    blueprint.putObject("metadata").put("draft_name", name);
    blueprint.putArray("nodes").add(node);

    // when
    JsonNode problem = api.createBlueprint(blueprint).expectProblem(422);

    // then
    assertThat(codes(problem)).contains("too-deep");
    assertNotStored(name);
  }

  @Test
  void shouldCompileALargeValidBlueprint() {
    // given: 4,000 nodes with 300-character arguments, about 1.5 MB
    ObjectNode blueprint = echoNodes("large-" + UUID.randomUUID(), 4_000, 300);

    // when
    IceosApi.Answer answer = api.createBlueprint(blueprint);

    // then
    assertThat(answer.status()).as(answer.raw()).isIn(201, 202);
    String id = answer.json().path("id").asText();
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> api.blueprint(id).json().path("status").asText().equals("compiled"));
    assertThat(api.blueprint(id).json().path("plan").path("node_count").asInt()).isEqualTo(4_000);
  }

  private static ObjectNode echoNodes(String name, int count, int argLength) {
    ObjectNode blueprint = IceosJson.mapper().createObjectNode();
    blueprint.putObject("metadata").put("draft_name", name);
    ArrayNode nodes = blueprint.putArray("nodes");
    String text = "t".repeat(argLength);
    for (int i = 0; i < count; i++) {
      ObjectNode node = nodes.addObject().put("id", "n" + i).put("type", "tool");
      node.put("tool_name", "echo").putObject("tool_args").put("text", text);
    }
    return blueprint;
  }

  private static List<String> codes(JsonNode problem) {
    return problem.path("errors").findValuesAsText("code");
  }

  private void assertNotStored(String name) {
    JsonNode page = api.blueprints(100).expect(200).json();
    assertThat(page.path("items").findValuesAsText("name")).doesNotContain(name);
  }
}
