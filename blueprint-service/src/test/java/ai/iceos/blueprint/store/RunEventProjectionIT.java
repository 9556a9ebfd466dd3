package ai.iceos.blueprint.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.blueprint.execution.ExecutionStatus;
import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.blueprint.execution.NodeStatus;
import ai.iceos.blueprint.execution.Plans;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.RunOptions;
import ai.iceos.testkit.KafkaPostgresResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The projection's statements against the real PostgreSQL (decision 0123). */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class RunEventProjectionIT {
  @Inject Pool pool;
  @Inject RunEventProjection projection;
  @Inject CompiledRevisions plans;
  @Inject ExecutionStore executions;

  @Test
  void shouldHoldBackAnEarlyEventUntilALaterBatchFillsTheGap() {
    // given
    UUID id = pendingExecution();

    // when: 1 and 3 arrive, then 2 in a batch of its own
    ExecutionView first =
        await(projection.appendAll(List.of(started(id), completed(id, 3, "a", UUID.randomUUID()))))
            .orElseThrow();
    ExecutionView second = await(projection.append(nodeStarted(id, 2, "a"))).orElseThrow();

    // then
    assertThat(first.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(first.nodes().get("a").status()).isEqualTo(NodeStatus.PENDING);
    assertThat(second.nodes().get("a").status()).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(lastSequence(id)).isEqualTo(3);
    assertThat(storedView(id)).isEqualTo(asStored(second));
  }

  @Test
  void shouldFoldASequenceAsFirstStoredWhenAnotherMessageRepeatsIt() {
    // given: sequence 2 stored early as a.started
    UUID id = pendingExecution();
    await(projection.append(nodeStarted(id, 2, "a")));

    // when: a different message claims sequence 2 (a.completed) in the batch that fills the gap
    ExecutionView view =
        await(projection.appendAll(List.of(started(id), completed(id, 2, "a", UUID.randomUUID()))))
            .orElseThrow();

    // then
    assertThat(view.nodes().get("a").status()).isEqualTo(NodeStatus.RUNNING);
    assertThat(lastSequence(id)).isEqualTo(2);
  }

  @Test
  void shouldStoreARedeliveredEventOnceAndFoldItOnce() {
    // given
    UUID id = pendingExecution();
    RunEvent completed = completed(id, 3, "a", UUID.randomUUID());
    await(projection.appendAll(List.of(started(id), nodeStarted(id, 2, "a"), completed)));

    // when
    ExecutionView again = await(projection.appendAll(List.of(completed, completed))).orElseThrow();

    // then
    assertThat(again.nodes().get("a").attempts()).isEqualTo(1);
    assertThat(again.usage().toolExecutions()).isEqualTo(1);
    assertThat(eventCount(id)).isEqualTo(3);
    assertThat(storedView(id)).isEqualTo(asStored(again));
  }

  @Test
  void shouldReadTheStoredViewWhenAnotherReplicaFoldedMeanwhile() {
    // given: this replica folded 1, another one 2
    UUID id = pendingExecution();
    await(projection.append(started(id)));
    RunEventProjection otherReplica = new RunEventProjection(pool, plans, new FoldedViews());
    await(otherReplica.append(nodeStarted(id, 2, "a")));

    // when
    ExecutionView view =
        await(projection.append(completed(id, 3, "a", UUID.randomUUID()))).orElseThrow();

    // then: the start folded by the other replica is in the view
    assertThat(view.nodes().get("a").status()).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(view.nodes().get("a").startedAt()).isNotNull();
    assertThat(storedView(id)).isEqualTo(asStored(view));
  }

  @Test
  void shouldFoldAnEventAnotherReplicaHeldBackWhenThisReplicaFillsTheGap() {
    // given: this replica folded 1; another one stored 3, which waits for 2
    UUID id = pendingExecution();
    await(projection.append(started(id)));
    RunEventProjection otherReplica = new RunEventProjection(pool, plans, new FoldedViews());
    await(otherReplica.append(completed(id, 3, "a", UUID.randomUUID())));
    assertThat(eventsAhead(id)).isTrue();

    // when: 2 continues what this replica last wrote
    ExecutionView view = await(projection.append(nodeStarted(id, 2, "a"))).orElseThrow();

    // then: 3 is folded too, nothing waits
    assertThat(view.nodes().get("a").status()).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(lastSequence(id)).isEqualTo(3);
    assertThat(eventsAhead(id)).isFalse();
    assertThat(storedView(id)).isEqualTo(asStored(view));
  }

  @Test
  void shouldKeepTheViewAnotherReplicaFoldedFurtherWhenAnEventOfItComesAgain() {
    // given: this replica folded 1; another one 2 and 3
    UUID id = pendingExecution();
    await(projection.append(started(id)));
    RunEvent nodeStarted = nodeStarted(id, 2, "a");
    RunEventProjection otherReplica = new RunEventProjection(pool, plans, new FoldedViews());
    await(otherReplica.appendAll(List.of(nodeStarted, completed(id, 3, "a", UUID.randomUUID()))));

    // when: 2 reaches this replica again (e.g. after a rebalance)
    ExecutionView view = await(projection.append(nodeStarted)).orElseThrow();

    // then
    assertThat(view.nodes().get("a").status()).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(lastSequence(id)).isEqualTo(3);
    assertThat(eventCount(id)).isEqualTo(3);
    assertThat(storedView(id)).isEqualTo(asStored(view));
  }

  @Test
  void shouldStoreButNotFoldEventsOfAnUnknownExecution() {
    // given
    UUID id = UUID.randomUUID();

    // when
    Optional<ExecutionView> view = await(projection.append(nodeStarted(id, 1, "a")));

    // then
    assertThat(view).isEmpty();
    assertThat(eventCount(id)).isEqualTo(1);
  }

  private UUID pendingExecution() {
    UUID id = UUID.randomUUID();
    UUID blueprintId = UUID.randomUUID();
    JsonNode inputs = IceosJson.mapper().createObjectNode();
    ExecutionView view =
        ExecutionView.initial(
            id.toString(),
            blueprintId.toString(),
            "lock",
            inputs,
            Plans.twoTools(null),
            Instant.now());
    await(
        executions.create(
            new StoredExecution(
                id, "acme", blueprintId, 1, "lock", inputs, RunOptions.defaults(), view),
            null));
    return id;
  }

  private static RunEvent started(UUID id) {
    return event(id, 1, RunEventType.WORKFLOW_STARTED, null, "{}", UUID.randomUUID());
  }

  private static RunEvent nodeStarted(UUID id, long sequence, String node) {
    return event(
        id, sequence, RunEventType.NODE_STARTED, node, "{\"attempt\":1}", UUID.randomUUID());
  }

  private static RunEvent completed(UUID id, long sequence, String node, UUID messageId) {
    return event(
        id,
        sequence,
        RunEventType.NODE_COMPLETED,
        node,
        "{\"attempt\":1,\"output\":{\"x\":1},\"duration_ms\":3}",
        messageId);
  }

  private static RunEvent event(
      UUID id, long sequence, RunEventType type, String node, String data, UUID messageId) {
    try {
      return new RunEvent(
          messageId,
          id.toString(),
          sequence,
          type,
          node,
          IceosJson.mapper().readTree(data),
          Instant.parse("2026-12-06T12:00:00Z").plusMillis(sequence));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private long lastSequence(UUID id) {
    return firstRow("select last_sequence from blueprint.execution where id = $1", id).getLong(0);
  }

  private boolean eventsAhead(UUID id) {
    return firstRow("select events_ahead from blueprint.execution where id = $1", id).getBoolean(0);
  }

  private JsonNode storedView(UUID id) {
    return JsonColumns.tree(
        firstRow("select cast(view as text) from blueprint.execution where id = $1", id)
            .getString(0));
  }

  /** The view as its JSON column reads back (numbers parsed as written, not as Java typed them). */
  private static JsonNode asStored(ExecutionView view) {
    return JsonColumns.tree(JsonColumns.write(view));
  }

  private long eventCount(UUID id) {
    return firstRow("select count(*) from blueprint.run_event where execution_id = $1", id)
        .getLong(0);
  }

  private Row firstRow(String sql, UUID id) {
    return await(pool.preparedQuery(sql).execute(Tuple.of(id))).iterator().next();
  }

  private static <T> T await(Uni<T> uni) {
    return uni.await().atMost(Duration.ofSeconds(30));
  }
}
