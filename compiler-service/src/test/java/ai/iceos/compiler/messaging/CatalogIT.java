package ai.iceos.compiler.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.compiler.Fixtures;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.BlueprintCompiled;
import ai.iceos.contracts.messaging.BlueprintEvent;
import ai.iceos.contracts.messaging.BlueprintRejected;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.testkit.KafkaResource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compiler follows the catalog topics while it runs: a tool a worker registers after the
 * compiler started becomes usable without a restart, a removed tool (tombstone) is unknown again,
 * and the gateway's model prices drive the estimate. Leaves the catalogs empty, as other tests
 * expect.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class CatalogIT {
  private final String known = "it_known_" + UUID.randomUUID().toString().substring(0, 8);
  private final String late = "it_late_" + UUID.randomUUID().toString().substring(0, 8);
  private final String model = "it-model-" + UUID.randomUUID().toString().substring(0, 8);

  private CompilerRoundTrip compiler;
  private KafkaCompanion kafka;

  @BeforeEach
  void connect() {
    compiler = CompilerRoundTrip.connect();
    kafka = compiler.kafka();
  }

  @AfterEach
  void emptyTheCatalogsAndDisconnect() {
    publish(Topics.TOOL_CATALOG, known, null);
    publish(Topics.TOOL_CATALOG, late, null);
    publish(Topics.MODEL_CATALOG, model, null);
    awaitVerdict(usingTool(late), BlueprintCompiled.class);
    awaitVerdict(usingModel("it-unlisted"), BlueprintCompiled.class);
    compiler.close();
  }

  @Test
  void shouldCompileWithAToolRegisteredAfterStartUpAndRejectItOnceRemoved() {
    // given: the catalog knows one tool, not the one the blueprint uses
    publish(Topics.TOOL_CATALOG, known, Fixtures.tool(known));
    BlueprintRejected rejected = awaitVerdict(usingTool(late), BlueprintRejected.class);
    assertThat(rejected.violations())
        .containsExactly(
            new Violation(
                "/nodes/0/tool_name", "unknown-tool", "Tool '" + late + "' is not registered."));

    // when: a worker registers it
    publish(Topics.TOOL_CATALOG, late, Fixtures.tool(late));

    // then
    awaitVerdict(usingTool(late), BlueprintCompiled.class);

    // and when it is removed again
    publish(Topics.TOOL_CATALOG, late, null);

    // then
    awaitVerdict(usingTool(late), BlueprintRejected.class);
  }

  @Test
  void shouldEstimateWithTheGatewaysPricesAndRejectModelsItDoesNotList() {
    // given: $1 per 1M prompt tokens, $2 per 1M completion tokens
    publish(Topics.MODEL_CATALOG, model, Fixtures.model(model, 1_000_000, 2_000_000));

    // when
    BlueprintCompiled compiled =
        await()
            .atMost(CompilerRoundTrip.ANSWER_TIMEOUT)
            .until(
                () -> awaitVerdict(usingModel(model), BlueprintCompiled.class),
                plan -> plan.plan().estimatedCost().maxMicroUsd() > 0);

    // then: 256 default completion tokens at 2 micro-USD each, plus the prompt
    assertThat(compiled.plan().estimatedCost().maxMicroUsd()).isGreaterThan(512);
    assertThat(compiled.plan().node("a").orElseThrow().estimatedCost())
        .isEqualTo(compiled.plan().estimatedCost());
    BlueprintRejected rejected = awaitVerdict(usingModel("it-unlisted"), BlueprintRejected.class);
    assertThat(rejected.violations()).extracting(Violation::code).containsExactly("unknown-model");
  }

  /** Compiles {@code document} until the verdict is of {@code type}. */
  private <T extends BlueprintEvent> T awaitVerdict(JsonNode document, Class<T> type) {
    BlueprintEvent verdict =
        await()
            .atMost(CompilerRoundTrip.ANSWER_TIMEOUT)
            .until(() -> compiler.compile(CompilerRoundTrip.command(document)), type::isInstance);
    return type.cast(verdict);
  }

  private static JsonNode usingModel(String model) {
    ObjectNode document = oneNode("llm");
    ((ObjectNode) document.at("/nodes/0")).put("model", model).put("prompt", "Say hello");
    return document;
  }

  private static JsonNode usingTool(String tool) {
    ObjectNode document = oneNode("tool");
    ((ObjectNode) document.at("/nodes/0")).put("tool_name", tool);
    return document;
  }

  private static ObjectNode oneNode(String type) {
    ObjectNode document = IceosJson.mapper().createObjectNode();
    document.putArray("nodes").addObject().put("id", "a").put("type", type);
    return document;
  }

  /** A null entry is a tombstone. */
  private void publish(String topic, String name, Object entry) {
    try {
      String json = entry == null ? null : IceosJson.mapper().writeValueAsString(entry);
      kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, name, json)).awaitCompletion();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
