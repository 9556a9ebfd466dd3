package ai.iceos.worker.messaging;

import static ai.iceos.worker.messaging.WorkerTopics.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeFailed;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeStarted;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.testkit.KafkaResource;
import ai.iceos.worker.tool.Tool;
import ai.iceos.worker.tool.ToolRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every built-in tool as a tool node through the real broker: a task on node-tasks, its final
 * outcome read from node-outcomes. {@link #shouldCoverEveryToolTheWorkerRegisters} fails when a new
 * built-in tool has no test here.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(FakeGatewayResource.class)
class BuiltInToolsIT {
  private static final Duration WAIT = WorkerTopics.WAIT;

  /** The tools this class runs, one test (at least) each. */
  private static final Set<String> COVERED =
      Set.of(
          "echo",
          "constant",
          "sleep",
          "flaky",
          "fail",
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

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject ToolRegistry registry;

  private WorkerTopics topics;
  private final String executionId = "exec-" + UUID.randomUUID();

  @BeforeEach
  void connect() {
    topics = new WorkerTopics(bootstrapServers);
  }

  @AfterEach
  void disconnect() {
    topics.close();
  }

  @Test
  void shouldCoverEveryToolTheWorkerRegisters() {
    Set<String> builtIn =
        registry.all().stream()
            .filter(tool -> tool.getClass().getEnclosingClass() != MisbehavingTools.class)
            .map(Tool::name)
            .collect(Collectors.toSet());

    assertThat(builtIn).isEqualTo(COVERED);
  }

  @Test
  void shouldEchoItsArguments() {
    assertThat(completed("echo", "{\"text\": \"hi\", \"n\": 2}"))
        .isEqualTo(json("{\"text\": \"hi\", \"n\": 2}"));
  }

  @Test
  void shouldReturnTheConstantValue() {
    assertThat(completed("constant", "{\"value\": [1, {\"a\": null}]}"))
        .isEqualTo(json("{\"value\": [1, {\"a\": null}]}"));
  }

  @Test
  void shouldSleepAndSayHowLong() {
    assertThat(completed("sleep", "{\"seconds\": 0.1}")).isEqualTo(json("{\"slept\": 0.1}"));
  }

  @Test
  void shouldCompleteFlakyWhenNoAttemptIsToFail() {
    assertThat(completed("flaky", "{\"fail_times\": 0}")).isEqualTo(json("{\"attempt\": 1}"));
  }

  @Test
  void shouldFailWithTheFailToolsMessage() {
    assertThat(failed("fail", "{\"msg\": \"out of stock\"}"))
        .isEqualTo(Failure.retryable("tool-error", "out of stock"));
  }

  @Test
  void shouldLoadTheShippedDemoCsv() {
    JsonNode output = completed("csv_loader", "{\"path\": \"supply_yard_overflow.csv\"}");

    assertThat(output.get("columns"))
        .isEqualTo(json("[\"Product/Item\", \"Suggested Price\", \"Description\"]"));
    assertThat(output.get("row_count").asInt()).isEqualTo(9).isEqualTo(output.get("rows").size());
    assertThat(output.get("truncated").asBoolean()).isFalse();
    assertThat(output.at("/rows/0"))
        .isEqualTo(
            json(
                "{\"Product/Item\": \"Refrigerator\", \"Suggested Price\": \"$600.00\","
                    + " \"Description\": \"Scratched, Stainless, 2 Door w/ Water\"}"));
  }

  @Test
  void shouldPriceAtCostPlusTheDefaultMargin() {
    JsonNode output = completed("pricing_strategy", "{\"cost\": \"$80.00\"}");

    assertThat(output.get("price").decimalValue()).isEqualByComparingTo(new BigDecimal("100.00"));
    assertThat(output.get("cost").decimalValue()).isEqualByComparingTo(new BigDecimal("80"));
    assertThat(output.get("margin_percent").decimalValue())
        .isEqualByComparingTo(new BigDecimal("25"));
  }

  @Test
  void shouldCreateAPricedLocalListingFromAProductRow() {
    JsonNode output =
        completed(
            "listing_agent",
            "{\"item\": {\"Product/Item\": \"Refrigerator\", \"Suggested Price\": \"$600.00\","
                + " \"Description\": \"Stainless\"}}");

    String sku = output.get("sku").asText();
    assertThat(sku).startsWith("refrigerator-");
    assertThat(output.get("listing_id").asText()).isEqualTo("LOC-" + sku);
    assertThat(output.get("name").asText()).isEqualTo("Refrigerator");
    assertThat(output.get("price").decimalValue()).isEqualByComparingTo(new BigDecimal("750.00"));
    assertThat(output.get("duplicate").asBoolean()).isFalse();
    assertThat(output.get("uploaded").asBoolean()).isFalse();
  }

  @Test
  void shouldCountSuccessesAndFailures() {
    JsonNode output =
        completed(
            "aggregator",
            "{\"items\": [{\"sku\": \"a\"}, {\"error\": \"boom\"}, {\"success\": false},"
                + " {\"success\": true}]}");

    assertThat(output.get("total").asInt()).isEqualTo(4);
    assertThat(output.get("success").asInt()).isEqualTo(2);
    assertThat(output.get("failures").asInt()).isEqualTo(2);
    assertThat(output.get("items")).hasSize(4);
  }

  @Test
  void shouldWriteOfflineListingCopy() {
    JsonNode output =
        completed(
            "title_description_generator",
            "{\"name\": \"Vanity\", \"description\": \"Oak, 48 inch\"}");

    assertThat(output.get("title").asText()).isEqualTo("TEST Vanity");
    assertThat(output.get("description").asText()).contains("Oak, 48 inch");
  }

  @Test
  void shouldFormatAListingForFacebookMarketplace() {
    JsonNode output =
        completed(
            "facebook_formatter",
            "{\"listing\": {\"title\": \"TEST Tile\", \"price\": 12.5, \"description\": \"Grey\","
                + " \"sku\": \"tile-1\"}, \"condition\": \"new\"}");

    assertThat(output)
        .isEqualTo(
            json(
                "{\"title\": \"TEST Tile\", \"price\": 12.50, \"currency\": \"USD\","
                    + " \"description\": \"Grey\", \"condition\": \"new\","
                    + " \"category\": \"home_improvement\", \"availability\": \"in_stock\","
                    + " \"sku\": \"tile-1\"}"));
  }

  @Test
  void shouldWriteAMarkdownReport() {
    JsonNode output =
        completed(
            "writer_tool",
            "{\"title\": \"Stock\", \"items\": [{\"title\": \"Tile\", \"price\": 12}, \"Vanity\"]}");

    assertThat(output.get("text").asText()).isEqualTo("# Stock\n\n- Tile — 12\n- Vanity\n");
    assertThat(output.get("format").asText()).isEqualTo("markdown");
    assertThat(output.get("lines").asInt()).isEqualTo(4);
  }

  @Test
  void shouldPublishAListingInDryRunWithItsLocalId() {
    assertThat(completed("marketplace_client", "{\"listing\": {\"sku\": \"tile-1a2b3c\"}}"))
        .isEqualTo(
            json(
                "{\"listing_id\": \"LOC-tile-1a2b3c\", \"sku\": \"tile-1a2b3c\","
                    + " \"status\": \"dry_run\", \"uploaded\": false, \"http_status\": null}"));
  }

  @Test
  void shouldPostInDryRunWithTheIdOfThePayloadsHash() throws Exception {
    JsonNode output =
        completed(
            "api_poster",
            "{\"url\": \"https://api.example.com/items\", \"payload\": {\"sku\": \"tile-1\"}}");

    String sha1 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-1")
                    .digest("{\"sku\":\"tile-1\"}".getBytes(StandardCharsets.UTF_8)));
    assertThat(output.get("id").asText()).isEqualTo("LOC-" + sha1.substring(0, 12));
    assertThat(output.get("status").asText()).isEqualTo("dry_run");
    assertThat(output.get("uploaded").asBoolean()).isFalse();
  }

  @Test
  void shouldRefuseAPlainHttpLoopbackUrlThatIsNotAllowListed() {
    Failure failure = failed("http_request", "{\"url\": \"http://127.0.0.1:9/private\"}");

    assertThat(failure.type()).isEqualTo("validation");
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.message())
        .contains("URL refused: plain http is allowed only for allow-listed hosts: 127.0.0.1");
  }

  @Test
  void shouldSelectWithAJsonPath() {
    assertThat(
            completed(
                "json_transform",
                "{\"data\": {\"rows\": [{\"price\": 375.0}, {\"price\": 187.5}]},"
                    + " \"expression\": \"$.rows[*].price\"}"))
        .isEqualTo(json("{\"result\": [375.0, 187.5]}"));
  }

  @Test
  void shouldSplitTextAtSpaces() {
    assertThat(
            completed(
                "text_splitter", "{\"text\": \"alpha beta gamma delta\", \"chunk_size\": 12}"))
        .isEqualTo(json("{\"chunks\": [\"alpha beta\", \"gamma delta\"], \"count\": 2}"));
  }

  private JsonNode completed(String tool, String args) {
    NodeOutcome outcome = run(tool, args);
    assertThat(outcome).isInstanceOf(NodeCompleted.class);
    return ((NodeCompleted) outcome).output();
  }

  private Failure failed(String tool, String args) {
    NodeOutcome outcome = run(tool, args);
    assertThat(outcome).isInstanceOf(NodeFailed.class);
    return ((NodeFailed) outcome).failure();
  }

  /** Sends the tool node as a task and answers its final outcome. */
  private NodeOutcome run(String tool, String args) {
    assertThat(COVERED).contains(tool);
    var node = ToolNodeSpec.of("run_" + tool, tool, json(args));
    var task =
        new NodeTask(
            UUID.randomUUID(),
            NodeTask.taskIdOf(executionId, node.id(), 1),
            executionId,
            "org-1",
            node.id(),
            1,
            node,
            json("{}"),
            20_000,
            Instant.now());
    topics.send(task);
    List<NodeOutcome> finished =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    topics.received(executionId).stream()
                        .filter(o -> !(o instanceof NodeStarted))
                        .toList(),
                list -> !list.isEmpty());
    assertThat(finished).hasSize(1);
    return finished.get(0);
  }
}
