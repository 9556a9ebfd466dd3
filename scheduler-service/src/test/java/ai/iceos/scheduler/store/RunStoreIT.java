package ai.iceos.scheduler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeStarted;
import ai.iceos.contracts.messaging.RunOptions;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.scheduler.run.RunTransitions;
import ai.iceos.testkit.KafkaPostgresResource;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The store against a real PostgreSQL: what the Kafka-level tests cannot provoke on purpose. */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
class RunStoreIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> NODES = List.of("a", "b", "c", "d");

  @Inject RunStore runs;
  @Inject AppliedMessageLedger ledger;
  @Inject Pool pool;
  @Inject Sessions sessions;
  @Inject PlanCache plans;
  @Inject StateCache states;
  @Inject MeterRegistry meters;

  @Test
  void shouldApplyConcurrentOutcomesOfOneRunWithoutLosingAnyByRetryingOnVersionConflicts() {
    String execution = "store-it-" + UUID.randomUUID();
    assertThat(runs.start(startRun(execution)).await().atMost(WAIT)).isTrue();

    List<Uni<Boolean>> applies =
        NODES.stream().map(node -> runs.apply(started(execution, node))).toList();
    List<Boolean> written = Uni.join().all(applies).andFailFast().await().atMost(WAIT);

    assertThat(written).containsOnly(true);
    assertThat(queryLong("SELECT version FROM scheduler.run WHERE execution_id = $1", execution))
        .isEqualTo(NODES.size());
  }

  @Test
  void shouldApplyARedeliveredMessageOnce() {
    String execution = "store-it-" + UUID.randomUUID();
    StartRun start = startRun(execution);
    assertThat(runs.start(start).await().atMost(WAIT)).isTrue();
    NodeStarted started = started(execution, "a");

    assertThat(runs.apply(started).await().atMost(WAIT)).isTrue();
    assertThat(runs.apply(started).await().atMost(WAIT)).isFalse();
    assertThat(runs.start(start).await().atMost(WAIT)).isFalse();
    assertThat(queryLong("SELECT version FROM scheduler.run WHERE execution_id = $1", execution))
        .isEqualTo(1);
  }

  @Test
  void shouldApplyAnOutcomeToTheStoredRunWhenAnotherReplicaChangedItSinceThisOneWroteIt() {
    String execution = "store-it-" + UUID.randomUUID();
    assertThat(runs.start(startRun(execution)).await().atMost(WAIT)).isTrue();
    assertThat(runs.apply(started(execution, "a")).await().atMost(WAIT)).isTrue();
    // What this instance committed last, before the execution's partition moved away ...
    StateCache.Committed before = states.take(execution);
    // ... and what the replica that took it over committed meanwhile.
    assertThat(runs.apply(started(execution, "b")).await().atMost(WAIT)).isTrue();
    states.put(execution, before);
    double readAgain = units("memory-then-store");

    assertThat(runs.apply(completed(execution, "a")).await().atMost(WAIT)).isTrue();

    assertThat(units("memory-then-store")).isEqualTo(readAgain + 1);
    assertThat(queryString(NODE_STATUS, execution, "a")).isEqualTo("SUCCEEDED");
    assertThat(queryString(NODE_STATUS, execution, "b")).isEqualTo("RUNNING");
    assertThat(queryLong("SELECT version FROM scheduler.run WHERE execution_id = $1", execution))
        .isEqualTo(3);
  }

  @Test
  void shouldApplyOutcomesWithoutReadingTheRunWhenThisInstanceWroteItLast() {
    String execution = "store-it-" + UUID.randomUUID();
    assertThat(runs.start(startRun(execution)).await().atMost(WAIT)).isTrue();
    double fromMemory = units("memory");

    completeEveryNode(execution);

    assertThat(units("memory")).isEqualTo(fromMemory + 2 * NODES.size());
    assertThat(queryString("SELECT status FROM scheduler.run WHERE execution_id = $1", execution))
        .isEqualTo("completed");
  }

  @Test
  void shouldApplyAMessageRedeliveredAfterTheRunChangedOnceWhenTheRunIsInMemory() {
    String execution = "store-it-" + UUID.randomUUID();
    assertThat(runs.start(startRun(execution)).await().atMost(WAIT)).isTrue();
    NodeCompleted done = completed(execution, "a");
    assertThat(runs.apply(started(execution, "a")).await().atMost(WAIT)).isTrue();
    assertThat(runs.apply(done).await().atMost(WAIT)).isTrue();
    assertThat(runs.apply(started(execution, "b")).await().atMost(WAIT)).isTrue();

    assertThat(runs.apply(done).await().atMost(WAIT)).isFalse();

    assertThat(queryLong("SELECT version FROM scheduler.run WHERE execution_id = $1", execution))
        .isEqualTo(3);
  }

  @Test
  void shouldCompleteARunOfFortyNodesAppliedOneOutcomeAtATime() {
    String execution = "store-it-" + UUID.randomUUID();
    List<String> nodes = IntStream.range(0, 40).mapToObj(i -> "n" + i).toList();
    assertThat(runs.start(startRun(execution, nodes)).await().atMost(WAIT)).isTrue();

    for (String node : nodes) {
      assertThat(runs.apply(started(execution, node)).await().atMost(WAIT)).isTrue();
      assertThat(runs.apply(completed(execution, node)).await().atMost(WAIT)).isTrue();
    }

    assertThat(queryString("SELECT status FROM scheduler.run WHERE execution_id = $1", execution))
        .isEqualTo("completed");
  }

  @Test
  void shouldCommitAUnitOfWorkOnItsOwnEvenInsideAnOuterTransactionThatRollsBack() {
    String execution = "store-it-" + UUID.randomUUID();
    assertThat(runs.start(startRun(execution)).await().atMost(WAIT)).isTrue();
    NodeStarted started = started(execution, "a");

    Uni<Boolean> outer =
        sessions.inTransaction(
            () ->
                runs.apply(started)
                    .chain(() -> Uni.createFrom().failure(new IllegalStateException("outer"))));

    assertThatThrownBy(() -> outer.await().atMost(WAIT)).hasMessageContaining("outer");
    // Joined to the outer transaction, the write would have been rolled back with it (version 0).
    assertThat(queryLong("SELECT version FROM scheduler.run WHERE execution_id = $1", execution))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            queryLong(
                "SELECT count(*) FROM scheduler.applied_message WHERE message_id = $1",
                started.messageId()))
        .isEqualTo(1);
  }

  @Test
  void shouldRollBackEveryStatementOfAPipelinedTransactionThatFails() {
    UUID id = UUID.randomUUID();

    Uni<Object> failed =
        PipelinedTransaction.run(
            pool,
            tx ->
                tx.connection()
                    .preparedQuery("INSERT INTO scheduler.applied_message (message_id) VALUES ($1)")
                    .execute(Tuple.of(id))
                    .chain(() -> Uni.createFrom().failure(new IllegalStateException("failed"))));

    assertThatThrownBy(() -> failed.await().atMost(WAIT)).hasMessageContaining("failed");
    assertThat(
            queryLong("SELECT count(*) FROM scheduler.applied_message WHERE message_id = $1", id))
        .isZero();
  }

  @Test
  void shouldRollBackTheLedgerRowsWhenAWriteWithCommitPipelinedFindsTheRunChanged() {
    String execution = "store-it-" + UUID.randomUUID();
    assertThat(runs.start(startRun(execution)).await().atMost(WAIT)).isTrue();
    UUID id = UUID.randomUUID();

    Uni<List<Long>> stale = recordAndWrite(execution, id, 7); // another writer's version

    assertThatThrownBy(() -> stale.await().atMost(WAIT)).isInstanceOf(VersionConflict.class);
    // COMMIT was already on its way behind the write: the failed write made it a rollback.
    assertThat(
            queryLong("SELECT count(*) FROM scheduler.applied_message WHERE message_id = $1", id))
        .isZero();
    // Only the rolled-back write's row has this topic; the start's rows may still be on their way.
    assertThat(
            queryLong(
                "SELECT count(*) FROM scheduler.outbox WHERE record_key = $1"
                    + " AND topic = 'iceos.test-pipelined'",
                execution))
        .isZero();
    assertThat(queryLong("SELECT version FROM scheduler.run WHERE execution_id = $1", execution))
        .isZero();
  }

  @Test
  void shouldCommitTheLedgerRowsAndTheWriteWithCommitPipelinedBehindIt() {
    String execution = "store-it-" + UUID.randomUUID();
    assertThat(runs.start(startRun(execution)).await().atMost(WAIT)).isTrue();
    UUID id = UUID.randomUUID();

    List<Long> ids = recordAndWrite(execution, id, 0).await().atMost(WAIT);

    assertThat(ids).hasSize(1);
    assertThat(
            queryLong("SELECT count(*) FROM scheduler.applied_message WHERE message_id = $1", id))
        .isEqualTo(1);
    assertThat(queryLong("SELECT version FROM scheduler.run WHERE execution_id = $1", execution))
        .isEqualTo(1);
  }

  /**
   * One unit as the store runs it: the ledger insert with the load, then the version-checked write
   * of one outbox row with COMMIT pipelined behind it, checked against the loaded version plus
   * {@code versionOffset}.
   */
  private Uni<List<Long>> recordAndWrite(String execution, UUID id, long versionOffset) {
    OutboxRow row = new OutboxRow(0, "iceos.test-pipelined", execution, "{}", null);
    return PipelinedTransaction.run(
        pool,
        tx ->
            RunTable.recordAndLoad(tx.connection(), List.of(id), execution, null)
                .chain(
                    loaded ->
                        RunTable.update(
                            tx,
                            new RunTable.StoredRun(
                                loaded.run().version() + versionOffset,
                                loaded.run().state(),
                                loaded.run().planApart()),
                            loaded.run().state(),
                            StoreJson.writeState(loaded.run().state()),
                            Instant.now(),
                            List.of(row),
                            null)));
  }

  @Test
  void shouldStoreThePlanOnceApartFromTheStateAndReadItWhenNotInMemory() {
    String execution = "store-it-" + UUID.randomUUID();
    StartRun start = startRun(execution);
    assertThat(runs.start(start).await().atMost(WAIT)).isTrue();
    String plan = "SELECT cast(plan AS text) FROM scheduler.run WHERE execution_id = $1";
    String storedPlan = queryString(plan, execution);

    assertThat(StoreJson.readPlan(storedPlan)).isEqualTo(start.plan());
    assertThat(queryBoolean(STATE_HAS_PLAN, execution)).isFalse();

    // Another replica (or this one after a restart) has no plan in memory: it reads the stored one.
    plans.forget(execution);
    completeEveryNode(execution);

    assertThat(queryString("SELECT status FROM scheduler.run WHERE execution_id = $1", execution))
        .isEqualTo("completed");
    assertThat(queryString(plan, execution)).isEqualTo(storedPlan);
  }

  @Test
  void shouldRunOnARunAnEarlierBuildStoredWithThePlanInsideItsStateAndMoveThePlanOut() {
    String execution = "store-it-" + UUID.randomUUID();
    StartRun start = startRun(execution);
    assertThat(runs.start(start).await().atMost(WAIT)).isTrue();
    // What a build before decision 0150 stored: the whole state, plan included, and no plan column.
    String earlierFormat = StoreJson.write(RunTransitions.start(start, Instant.now()).state());
    pool.preparedQuery(
            "UPDATE scheduler.run SET state = cast($1::text AS json), plan = NULL"
                + " WHERE execution_id = $2")
        .execute(Tuple.of(earlierFormat, execution))
        .await()
        .atMost(WAIT);
    plans.forget(execution);

    completeEveryNode(execution);

    assertThat(queryString("SELECT status FROM scheduler.run WHERE execution_id = $1", execution))
        .isEqualTo("completed");
    assertThat(queryBoolean(STATE_HAS_PLAN, execution)).isFalse();
    assertThat(
            StoreJson.readPlan(
                queryString(
                    "SELECT cast(plan AS text) FROM scheduler.run WHERE execution_id = $1",
                    execution)))
        .isEqualTo(start.plan());
  }

  @Test
  void shouldPruneOnlyLedgerRowsOlderThanTheRetention() {
    UUID old = UUID.randomUUID();
    UUID recent = UUID.randomUUID();
    pool.preparedQuery(
            "INSERT INTO scheduler.applied_message (message_id, applied_at)"
                + " VALUES ($1, now() - interval '200 hours'), ($2, now())")
        .execute(Tuple.of(old, recent))
        .await()
        .atMost(WAIT);

    ledger.pruneExpired().await().atMost(WAIT);

    String count = "SELECT count(*) FROM scheduler.applied_message WHERE message_id = $1";
    assertThat(queryLong(count, old)).isZero();
    assertThat(queryLong(count, recent)).isEqualTo(1);
  }

  private static final String STATE_HAS_PLAN =
      "SELECT cast(state AS jsonb) ? 'plan' FROM scheduler.run WHERE execution_id = $1";

  private void completeEveryNode(String execution) {
    for (String node : NODES) {
      assertThat(runs.apply(started(execution, node)).await().atMost(WAIT)).isTrue();
      assertThat(runs.apply(completed(execution, node)).await().atMost(WAIT)).isTrue();
    }
  }

  private double units(String from) {
    return meters.counter("iceos.scheduler.store.units", "from", from).count();
  }

  private static final String NODE_STATUS =
      "SELECT cast(state AS jsonb) #>> array['nodes', $2, 'status'] FROM scheduler.run"
          + " WHERE execution_id = $1";

  private String queryString(String sql, Object first, Object second) {
    return pool.preparedQuery(sql)
        .execute(Tuple.of(first, second))
        .await()
        .atMost(WAIT)
        .iterator()
        .next()
        .getString(0);
  }

  private boolean queryBoolean(String sql, Object parameter) {
    return queryRow(sql, parameter).getBoolean(0);
  }

  private long queryLong(String sql, Object parameter) {
    return queryRow(sql, parameter).getLong(0);
  }

  private String queryString(String sql, Object parameter) {
    return queryRow(sql, parameter).getString(0);
  }

  private Row queryRow(String sql, Object parameter) {
    return pool.preparedQuery(sql)
        .execute(Tuple.of(parameter))
        .await()
        .atMost(WAIT)
        .iterator()
        .next();
  }

  private static StartRun startRun(String execution) {
    return startRun(execution, NODES);
  }

  /** One level of independent nodes, all started at once. */
  private static StartRun startRun(String execution, List<String> nodeIds) {
    var json = JsonNodeFactory.instance;
    List<PlannedNode> nodes =
        nodeIds.stream()
            .map(
                id ->
                    new PlannedNode(
                        ToolNodeSpec.of(id, "echo", json.objectNode()),
                        0,
                        30_000,
                        RetryPolicy.none(),
                        // off: every test runs the same nodes, which the output cache would serve
                        false))
            .toList();
    ExecutionPlan plan =
        new ExecutionPlan(
            ExecutionPlan.CURRENT_VERSION,
            "hash",
            List.of(nodeIds),
            nodes,
            FailurePolicy.CONTINUE_IF_POSSIBLE,
            Scheduling.LEVEL,
            nodeIds.size(),
            null,
            null,
            null);
    return new StartRun(
        UUID.randomUUID(),
        execution,
        "org-it",
        "bp-it",
        "lock-1",
        plan,
        json.objectNode(),
        RunOptions.defaults(),
        Instant.now());
  }

  private static NodeStarted started(String execution, String node) {
    return new NodeStarted(
        UUID.randomUUID(),
        execution + ":" + node + ":1",
        execution,
        node,
        1,
        "worker-it",
        Instant.now());
  }

  private static NodeCompleted completed(String execution, String node) {
    return new NodeCompleted(
        UUID.randomUUID(),
        execution + ":" + node + ":1",
        execution,
        node,
        1,
        JsonNodeFactory.instance.objectNode().put("ok", true),
        null,
        1,
        false,
        Instant.now());
  }
}
