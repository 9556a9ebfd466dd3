package ai.iceos.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.ModelCatalogEntry;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.contracts.messaging.UsageRecorded;
import ai.iceos.contracts.messaging.serde.ModelCatalogEntryDeserializer;
import ai.iceos.contracts.messaging.serde.UsageRecordedDeserializer;
import ai.iceos.gateway.resilience.FailingProviderResource;
import ai.iceos.testkit.KafkaPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Settled calls and the model catalog reach Kafka, keyed as the contracts say. */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
@WithTestResource(FailingProviderResource.class)
class UsageEventsIT {
  @Inject Pool pool;

  @Test
  void shouldPublishUsageRecordedKeyedByExecutionAfterSettling() {
    String execution = UUID.randomUUID().toString();
    String org = "org-" + UUID.randomUUID();
    var response =
        complete(
            RestAssured.given()
                .header("X-Iceos-Org-Id", org)
                .header("X-Iceos-Execution-Id", execution)
                .header("X-Iceos-Node-Id", "summarize"));

    try (var companion = companion();
        var task =
            companion
                .consumeWithDeserializers(new StringDeserializer(), new UsageRecordedDeserializer())
                .withGroupId("usage-events-it-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Topics.USAGE_EVENTS)) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> task.getRecords().stream().anyMatch(r -> execution.equals(r.key())));
      ConsumerRecord<String, UsageRecorded> record =
          task.getRecords().stream()
              .filter(r -> execution.equals(r.key()))
              .findFirst()
              .orElseThrow();
      UsageRecorded event = record.value();
      assertThat(event.orgId()).isEqualTo(org);
      assertThat(event.executionId()).isEqualTo(execution);
      assertThat(event.nodeId()).isEqualTo("summarize");
      assertThat(event.model()).isEqualTo("gpt-4o");
      assertThat(event.provider()).isEqualTo("offline");
      assertThat(event.promptTokens()).isEqualTo(response.getLong("usage.prompt_tokens"));
      assertThat(event.completionTokens()).isEqualTo(response.getLong("usage.completion_tokens"));
      assertThat(event.costMicroUsd()).isPositive();
      assertThat(event.cacheHit()).isFalse();
      assertThat(response.getString("id"))
          .isEqualTo("chatcmpl-" + event.messageId().toString().replace("-", ""));
    }
  }

  /**
   * The broker's acknowledgement marks the row published (in the next second's batch), well before
   * the relay would look at it (rows older than 10 s): the acknowledgement reached the publisher.
   */
  @Test
  void shouldMarkTheUsageRowPublishedOnceTheBrokerAcknowledges() {
    String id =
        complete(RestAssured.given().header("X-Iceos-Org-Id", "org-" + UUID.randomUUID()))
            .getString("id");
    UUID rowId = UUID.fromString(uuidOf(id.substring("chatcmpl-".length())));

    Awaitility.await().atMost(Duration.ofSeconds(9)).until(() -> published(rowId));
  }

  /** A completion of "Hi" by gpt-4o (served offline), as {@code request} is attributed. */
  private static JsonPath complete(RequestSpecification request) {
    return request
        .contentType(ContentType.JSON)
        .body("{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}")
        .post("/v1/chat/completions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private boolean published(UUID id) {
    return pool.preparedQuery("SELECT published FROM gateway.usage_record WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 1 && rows.iterator().next().getBoolean("published"))
        .await()
        .atMost(Duration.ofSeconds(5));
  }

  private static String uuidOf(String hex) {
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20);
  }

  @Test
  void shouldPublishTheModelCatalogKeyedByModel() {
    try (var companion = companion();
        var task =
            companion
                .consumeWithDeserializers(
                    new StringDeserializer(), new ModelCatalogEntryDeserializer())
                .withGroupId("model-catalog-it-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Topics.MODEL_CATALOG)) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> task.getRecords().stream().anyMatch(r -> "gpt-4o".equals(r.key())));
      ModelCatalogEntry entry =
          task.getRecords().stream()
              .filter(r -> "gpt-4o".equals(r.key()))
              .findFirst()
              .orElseThrow()
              .value();
      assertThat(entry.model()).isEqualTo("gpt-4o");
      assertThat(entry.inputMicroUsdPerMillion()).isEqualTo(2_500_000);
      assertThat(entry.cachedInputMicroUsdPerMillion()).isEqualTo(1_250_000);
      assertThat(entry.outputMicroUsdPerMillion()).isEqualTo(10_000_000);
      assertThat(entry.contextWindow()).isEqualTo(128_000);
      assertThat(entry.provider()).isEqualTo("offline");
      assertThat(entry.publishedBy()).isEqualTo("llm-gateway");
    }
  }

  private static KafkaCompanion companion() {
    return new KafkaCompanion(
        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
  }
}
