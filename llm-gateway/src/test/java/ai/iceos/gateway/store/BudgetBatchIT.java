package ai.iceos.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.iceos.gateway.budget.BudgetPeriod;
import ai.iceos.gateway.budget.Reservation;
import ai.iceos.gateway.chat.Attribution;
import ai.iceos.gateway.chat.TokenUsage;
import ai.iceos.gateway.resilience.FailingProviderResource;
import ai.iceos.testkit.KafkaPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reservations and settlements in batches (decision 0144), against the real database: exact under
 * many concurrent calls from two replicas (each with its own lanes), and each call of a batch
 * decided on its own, all or none, in order.
 */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
@WithTestResource(FailingProviderResource.class)
class BudgetBatchIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject Pool pool;

  @Test
  void shouldHoldExactlyWhatFitsWhenTwoReplicasRaceFourHundredCalls() {
    // given: an org budget that fits 150 calls of 1,000 micro-USD, and two replicas' stores
    String org = "org:" + UUID.randomUUID();
    String execution = "execution:" + UUID.randomUUID();
    var replicas = List.of(new BudgetStore(pool), new BudgetStore(pool));
    replicas.getFirst().put(org, 150_000, BudgetPeriod.TOTAL).await().atMost(WAIT);

    // when: 400 calls at once, half on each replica, every other one also on an unbudgeted scope
    List<Uni<Reservation>> calls = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      List<String> scopes = i % 2 == 0 ? List.of(org) : List.of(execution, org);
      calls.add(replicas.get(i % 2).reserve(scopes, 1_000).memoize().indefinitely());
    }
    calls.forEach(call -> call.subscribe().with(ignored -> {}));
    List<Reservation> outcomes = calls.stream().map(c -> c.await().atMost(WAIT)).toList();

    // then
    var held = outcomes.stream().filter(Reservation.Held.class::isInstance).toList();
    assertThat(held)
        .hasSize(150)
        .allMatch(r -> ((Reservation.Held) r).scopes().equals(List.of(org)));
    assertThat(outcomes)
        .filteredOn(Reservation.Refused.class::isInstance)
        .hasSize(250)
        .allMatch(r -> ((Reservation.Refused) r).scope().equals(org));
    var budget = replicas.getFirst().find(org).await().atMost(WAIT).orElseThrow();
    assertThat(budget.reservedMicroUsd()).isEqualTo(150_000);

    // and when every held call settles at 400 micro-USD, on both replicas at once
    List<Uni<Void>> settled = new ArrayList<>();
    for (int i = 0; i < held.size(); i++) {
      var call = (Reservation.Held) held.get(i);
      settled.add(replicas.get(i % 2).settle(call, 400, usage(org)).memoize().indefinitely());
    }
    settled.forEach(s -> s.subscribe().with(ignored -> {}));
    settled.forEach(s -> s.await().atMost(WAIT));

    var after = replicas.getFirst().find(org).await().atMost(WAIT).orElseThrow();
    assertThat(after.reservedMicroUsd()).isZero();
    assertThat(after.spentMicroUsd()).isEqualTo(150 * 400);
    assertThat(usageRows(org)).isEqualTo(150);
  }

  @Test
  void shouldDecideEachCallOfABatchOnItsOwnInOrder() {
    String org = "org:" + UUID.randomUUID();
    String execution = "execution:" + UUID.randomUUID();
    String unbudgeted = "execution:" + UUID.randomUUID();
    var store = new BudgetStore(pool);
    store.put(org, 100, BudgetPeriod.TOTAL).await().atMost(WAIT);
    store.put(execution, 30, BudgetPeriod.TOTAL).await().atMost(WAIT);

    // one batch: 10 on both, 60 on the org, 25 on both (the execution has 20 left), 40 on the
    // org (only 30 left), 30 on the org, and 500 on a scope without budget
    var rows =
        pool.preparedQuery(BudgetSql.RESERVE_BATCH)
            .execute(
                Tuple.tuple()
                    .addArrayOfLong(new Long[] {10L, 60L, 25L, 40L, 30L, 500L})
                    .addArrayOfInteger(new Integer[] {2, 1, 2, 1, 1, 1})
                    .addArrayOfString(
                        new String[] {execution, org, org, execution, org, org, org, unbudgeted}))
            .await()
            .atMost(WAIT);

    List<String> outcomes = new ArrayList<>();
    rows.forEach(
        row ->
            outcomes.add(
                Arrays.toString(row.getArrayOfStrings("held")) + " " + row.getString("refused")));
    assertThat(outcomes)
        .containsExactly(
            "[" + execution + ", " + org + "] null",
            "[" + org + "] null",
            "[] " + execution,
            "[] " + org,
            "[" + org + "] null",
            "[] null");
    assertThat(store.find(org).await().atMost(WAIT).orElseThrow().reservedMicroUsd())
        .isEqualTo(100);
    assertThat(store.find(execution).await().atMost(WAIT).orElseThrow().reservedMicroUsd())
        .isEqualTo(10);
  }

  @Test
  void shouldDecideReserveSettleAndReleaseOneCallAtATimeExactly() {
    // one call at a time: each finds its lane idle and goes alone (the single-call statements)
    String org = "org:" + UUID.randomUUID();
    String execution = "execution:" + UUID.randomUUID();
    var store = new BudgetStore(pool);
    store.put(org, 2_500, BudgetPeriod.TOTAL).await().atMost(WAIT);
    store.put(execution, 1_500, BudgetPeriod.TOTAL).await().atMost(WAIT);

    var first = store.reserve(List.of(execution, org), 1_000).await().atMost(WAIT);
    var second = store.reserve(List.of(execution, org), 1_000).await().atMost(WAIT);
    var third = store.reserve(List.of(org), 1_000).await().atMost(WAIT);
    var fourth = store.reserve(List.of(org), 1_000).await().atMost(WAIT);

    assertThat(first).isEqualTo(new Reservation.Held(List.of(execution, org), 1_000));
    assertThat(second).isEqualTo(new Reservation.Refused(execution, 1_000));
    assertThat(third).isEqualTo(new Reservation.Held(List.of(org), 1_000));
    assertThat(fourth).isEqualTo(new Reservation.Refused(org, 1_000));
    assertThat(store.find(org).await().atMost(WAIT).orElseThrow().reservedMicroUsd())
        .isEqualTo(2_000);
    assertThat(store.find(execution).await().atMost(WAIT).orElseThrow().reservedMicroUsd())
        .isEqualTo(1_000);

    // settling the org-only call books its cost with its usage row; a release gives back all
    store.settle((Reservation.Held) third, 400, usage(org)).await().atMost(WAIT);
    store.release((Reservation.Held) first).await().atMost(WAIT);

    var orgAfter = store.find(org).await().atMost(WAIT).orElseThrow();
    assertThat(orgAfter.reservedMicroUsd()).isZero();
    assertThat(orgAfter.spentMicroUsd()).isEqualTo(400);
    var executionAfter = store.find(execution).await().atMost(WAIT).orElseThrow();
    assertThat(executionAfter.reservedMicroUsd()).isZero();
    assertThat(executionAfter.spentMicroUsd()).isZero();
    assertThat(usageRows(org)).isEqualTo(1);

    // a call that cost more than it reserved is booked anyway and the scope then refuses
    var last = (Reservation.Held) store.reserve(List.of(org), 2_000).await().atMost(WAIT);
    store.settle(last, 2_500, usage(org)).await().atMost(WAIT);
    assertThat(store.find(org).await().atMost(WAIT).orElseThrow().spentMicroUsd()).isEqualTo(2_900);
    assertThat(store.reserve(List.of(org), 1).await().atMost(WAIT))
        .isEqualTo(new Reservation.Refused(org, 1));
  }

  private long usageRows(String org) {
    return pool.preparedQuery("SELECT count(*) FROM gateway.usage_record WHERE org_id = $1")
        .execute(Tuple.of(org.substring("org:".length())))
        .await()
        .atMost(WAIT)
        .iterator()
        .next()
        .getLong(0);
  }

  @Test
  void shouldReleaseTheReservationOfACallerThatWentAway() {
    String org = "org:" + UUID.randomUUID();
    var store = new BudgetStore(pool);
    store.put(org, 5_000, BudgetPeriod.TOTAL).await().atMost(WAIT);

    // The budget row stays locked until the caller has gone, so the reservation's answer surely
    // arrives after the cancellation (without the lock a fast database could answer first, and a
    // caller that got its reservation owns it).
    var locker = pool.getConnection().await().atMost(WAIT);
    try {
      locker.query("BEGIN").execute().await().atMost(WAIT);
      locker
          .preparedQuery("SELECT 1 FROM gateway.budget WHERE scope = $1 FOR UPDATE")
          .execute(Tuple.of(org))
          .await()
          .atMost(WAIT);
      store.reserve(List.of(org), 1_000).subscribe().with(ignored -> {}).cancel();
      locker.query("COMMIT").execute().await().atMost(WAIT);
    } finally {
      locker.close().await().atMost(WAIT);
    }

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(store.find(org).await().atMost(WAIT).orElseThrow().reservedMicroUsd())
                    .isZero());
    assertThat(store.reserve(List.of(org), 5_000).await().atMost(WAIT))
        .isInstanceOf(Reservation.Held.class);
  }

  private static UsageEntry usage(String org) {
    return new UsageEntry(
        UUID.randomUUID(),
        new Attribution(org.substring("org:".length()), null, null),
        "gpt-4o",
        "openai",
        TokenUsage.of(10, 5),
        400,
        false,
        Instant.now());
  }
}
