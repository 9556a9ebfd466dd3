package ai.iceos.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.contracts.messaging.AgentCatalogEntry;
import ai.iceos.contracts.messaging.ToolCatalogEntry;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.contracts.messaging.serde.AgentCatalogEntryDeserializer;
import ai.iceos.contracts.messaging.serde.ToolCatalogEntryDeserializer;
import ai.iceos.testkit.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The worker publishes its tools and agents to the compacted catalog topics at start-up. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(FakeGatewayResource.class)
class ToolCatalogIT {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void shouldPublishEveryToolKeyedByNameWithItsSchemas() {
    Map<String, ToolCatalogEntry> byKey =
        catalog(
            Topics.TOOL_CATALOG,
            new ToolCatalogEntryDeserializer(),
            "echo",
            "fail",
            "sleep",
            "flaky",
            "constant",
            "csv_loader",
            "pricing_strategy",
            "listing_agent",
            "aggregator",
            "title_description_generator",
            "facebook_formatter",
            "writer_tool",
            "marketplace_client",
            "api_poster",
            "http_request",
            "json_transform",
            "text_splitter");
    byKey.forEach((key, entry) -> assertThat(entry.name()).isEqualTo(key));
    ToolCatalogEntry csv = byKey.get("csv_loader");
    assertThat(csv.description()).isNotBlank();
    assertThat(csv.inputSchema().at("/properties/delimiter/default").asText()).isEqualTo(",");
    assertThat(csv.outputSchema().at("/required").toString()).contains("rows");
    assertThat(
            byKey
                .get("pricing_strategy")
                .inputSchema()
                .at("/properties/margin_percent/default")
                .asInt())
        .isEqualTo(25);
    assertThat(csv.publishedBy()).isNotBlank();
  }

  @Test
  void shouldPublishEveryAgentPackageKeyedByPackage() {
    AgentCatalogEntry echo =
        catalog(Topics.AGENT_CATALOG, new AgentCatalogEntryDeserializer(), "echo_agent")
            .get("echo_agent");

    assertThat(echo.agentPackage()).isEqualTo("echo_agent");
    assertThat(echo.tools()).containsExactly("echo");
    assertThat(echo.description()).isNotBlank();
    assertThat(echo.publishedBy()).isNotBlank();
  }

  /** The newest entry per key of a catalog topic, once it holds every key in {@code keys}. */
  private <T> Map<String, T> catalog(String topic, Deserializer<T> deserializer, String... keys) {
    try (var companion = new KafkaCompanion(bootstrapServers);
        var records = companion.consumeStrings().fromTopics(topic);
        deserializer) {
      Map<String, T> byKey = new TreeMap<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                records
                    .getRecords()
                    .forEach(
                        r ->
                            byKey.put(
                                r.key(),
                                deserializer.deserialize(
                                    r.topic(), r.value().getBytes(StandardCharsets.UTF_8))));
                assertThat(byKey).containsKeys(keys);
              });
      return byKey;
    }
  }
}
