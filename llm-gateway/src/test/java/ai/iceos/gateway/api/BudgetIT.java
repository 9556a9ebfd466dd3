package ai.iceos.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ai.iceos.gateway.resilience.FailingProviderResource;
import ai.iceos.testkit.KafkaPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Budgets by reservation: never more spend than the limit, however many calls race. */
@QuarkusTest
@WithTestResource(KafkaPostgresResource.class)
@WithTestResource(FailingProviderResource.class)
class BudgetIT {
  private static final String PROMPT =
      "Estimate the price of a lighthouse with a garden and a dock";
  private static final int CALLS = 50;
  private static final int FITTING = 10;

  @Test
  void shouldLetExactlyTheCallsThatFitThroughWhenFiftyRace() throws Exception {
    // given: the exact cost of one call, measured unbudgeted, with max_tokens = its completion
    var probe =
        GatewayClient.forExecution("org-probe", UUID.randomUUID().toString(), "probe")
            .chat("gpt-4o", PROMPT, null)
            .statusCode(200)
            .extract()
            .jsonPath();
    int completionTokens = probe.getInt("usage.completion_tokens");
    long costMicro = micro(probe.getObject("usage.cost_usd", BigDecimal.class));
    assertThat(costMicro).isPositive();
    String execution = UUID.randomUUID().toString();
    long limitMicro = FITTING * costMicro + costMicro / 2;
    var client = GatewayClient.forExecution("org-race", execution, "fan-out");
    client
        .putBudget("execution:" + execution, "{\"limit_usd\": " + usd(limitMicro) + "}")
        .statusCode(200);

    // when: 50 calls at once
    List<Integer> statuses =
        race(() -> client.chat("gpt-4o", PROMPT, completionTokens).extract().statusCode());

    // then
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(FITTING);
    assertThat(statuses).filteredOn(s -> s == 402).hasSize(CALLS - FITTING);
    var budget = client.budget("execution:" + execution).statusCode(200).extract().jsonPath();
    long spent = micro(budget.getObject("spent_usd", BigDecimal.class));
    assertThat(spent).isEqualTo(FITTING * costMicro).isLessThanOrEqualTo(limitMicro);
    assertThat(micro(budget.getObject("reserved_usd", BigDecimal.class))).isZero();
    client.usageOfExecution(execution).statusCode(200).body("calls", equalTo(FITTING));
  }

  @Test
  void shouldHoldNothingWhenAnyScopeRefuses() {
    String execution = UUID.randomUUID().toString();
    String org = "org-" + UUID.randomUUID();
    var client = GatewayClient.forExecution(org, execution, "n1");
    client.putBudget("execution:" + execution, "{\"limit_usd\": 5}").statusCode(200);
    client.putBudget("org:" + org, "{\"limit_usd\": 0, \"period\": \"month\"}").statusCode(200);

    client.chat("gpt-4o", "hello", 20).statusCode(402);

    client
        .budget("execution:" + execution)
        .statusCode(200)
        .body("reserved_usd", equalTo(new BigDecimal("0.000000")))
        .body("spent_usd", equalTo(new BigDecimal("0.000000")));
    client.budget("org:" + org).statusCode(200).body("period", equalTo("month"));
  }

  @Test
  void shouldSettleToTheActualCostOnEveryScope() {
    String execution = UUID.randomUUID().toString();
    String org = "org-" + UUID.randomUUID();
    var client = GatewayClient.forExecution(org, execution, "n1");
    client.putBudget("execution:" + execution, "{\"limit_usd\": 1}").statusCode(200);
    client.putBudget("org:" + org, "{\"limit_usd\": 2, \"period\": \"day\"}").statusCode(200);

    var call = client.chat("gpt-4o", "hello", 500).statusCode(200).extract().jsonPath();
    BigDecimal cost = call.getObject("usage.cost_usd", BigDecimal.class);

    for (String scope : List.of("execution:" + execution, "org:" + org)) {
      var budget = client.budget(scope).statusCode(200).extract().jsonPath();
      assertThat(budget.getObject("spent_usd", BigDecimal.class)).isEqualByComparingTo(cost);
      assertThat(budget.getObject("reserved_usd", BigDecimal.class)).isZero();
    }
    client
        .budget("org:" + org)
        .body("remaining_usd", equalTo(new BigDecimal("2.000000").subtract(cost)));
  }

  private static List<Integer> race(Callable<Integer> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CALLS);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        futures.add(pool.submit(call));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> future : futures) {
        statuses.add(future.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long micro(BigDecimal usd) {
    return usd.movePointRight(6).longValueExact();
  }

  private static String usd(long micro) {
    return BigDecimal.valueOf(micro, 6).toPlainString();
  }
}
