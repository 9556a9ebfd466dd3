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
 * The compiler follows the tool catalog topic while it runs: a tool a worker registers after the
 * compiler started becomes usable without a restart, and a removed tool (tombstone) is unknown
 * again. Leaves the catalog empty, as other tests expect.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class CatalogIT {
  private final String known = "it_known_" + UUID.randomUUID().toString().substring(0, 8);
  private final String late = "it_late_" + UUID.randomUUID().toString().substring(0, 8);

  private CompilerRoundTrip compiler;
  private KafkaCompanion kafka;

  @BeforeEach
  void connect() {
    compiler = CompilerRoundTrip.connect();
    kafka = compiler.kafka();
  }

  @AfterEach
  void emptyTheCatalogAndDisconnect() {
    publish(known, null);
    publish(late, null);
    awaitVerdict(late, BlueprintCompiled.class);
    compiler.close();
  }

  @Test
  void shouldCompileWithAToolRegisteredAfterStartUpAndRejectItOnceRemoved() {
    // given: the catalog knows one tool, not the one the blueprint uses
    publish(known, Fixtures.tool(known));
    BlueprintRejected rejected = awaitVerdict(late, BlueprintRejected.class);
    assertThat(rejected.violations())
        .containsExactly(
            new Violation(
                "/nodes/0/tool_name", "unknown-tool", "Tool '" + late + "' is not registered."));

    // when: a worker registers it
    publish(late, Fixtures.tool(late));

    // then
    awaitVerdict(late, BlueprintCompiled.class);

    // and when it is removed again
    publish(late, null);

    // then
    awaitVerdict(late, BlueprintRejected.class);
  }

  /** Compiles a one-node blueprint using {@code tool} until the verdict is of {@code type}. */
  private <T extends BlueprintEvent> T awaitVerdict(String tool, Class<T> type) {
    BlueprintEvent verdict =
        await()
            .atMost(CompilerRoundTrip.ANSWER_TIMEOUT)
            .until(
                () -> compiler.compile(CompilerRoundTrip.command(usingTool(tool))),
                type::isInstance);
    return type.cast(verdict);
  }

  private static JsonNode usingTool(String tool) {
    ObjectNode document = IceosJson.mapper().createObjectNode();
    document
        .putArray("nodes")
        .addObject()
        .put("id", "a")
        .put("type", "tool")
        .put("tool_name", tool);
    return document;
  }

  /** A null entry is a tombstone. */
  private void publish(String name, Object entry) {
    try {
      String json = entry == null ? null : IceosJson.mapper().writeValueAsString(entry);
      kafka
          .produceStrings()
          .fromRecords(new ProducerRecord<>(Topics.TOOL_CATALOG, name, json))
          .awaitCompletion();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
