package ai.iceos.scheduler.store;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.blueprint.Scheduling;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.RunOptions;
import ai.iceos.contracts.messaging.StartRun;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.scheduler.run.RunState;
import ai.iceos.scheduler.run.RunTransitions;
import ai.iceos.scheduler.run.Transition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoreJsonTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

  @Test
  void shouldReadBackTheSameRunStateAndEventsItWrote() throws Exception {
    ExecutionPlan plan = plan();
    RunState running = RunTransitions.start(startOf(plan), NOW).state();
    ObjectNode output = JSON.objectNode().put("price", new BigDecimal("19.90")).put("z", 1);
    Transition done =
        RunTransitions.apply(
            running,
            new NodeCompleted(
                UUID.randomUUID(),
                "e1:a:1",
                "e1",
                "a",
                1,
                output,
                new Usage(1, 2, 3, 100, 1),
                4,
                false,
                NOW),
            NOW);

    RunState read = StoreJson.read(StoreJson.write(done.state()), RunState.class);
    RunEvent last = done.events().getLast();
    RunEvent readEvent = StoreJson.read(StoreJson.write(last), RunEvent.class);

    assertThat(read).isEqualTo(done.state());
    assertThat(read.node("a").output().toString()).isEqualTo("{\"price\":19.90,\"z\":1}");
    assertThat(StoreJson.write(readEvent)).isEqualTo(StoreJson.write(last));
    assertThat(readEvent.data().get("usage").get("cost_usd").toString()).isEqualTo("0.0001");

    ObjectNode older = (ObjectNode) IceosJson.mapper().readTree(StoreJson.write(done.state()));
    older.remove(List.of("paused_at", "excluded_ms", "retries", "monitors"));
    RunState fromOlderVersion = StoreJson.read(older.toString(), RunState.class);
    assertThat(fromOlderVersion.excludedMs()).isZero();
    assertThat(fromOlderVersion.monitors()).isEmpty();
    assertThat(fromOlderVersion.nodes()).isEqualTo(done.state().nodes());
  }

  @Test
  void shouldWriteTheStateWithoutItsPlanAndReadItBackWithThePlanSupplied() throws Exception {
    ExecutionPlan plan = plan();
    RunState running = RunTransitions.start(startOf(plan), NOW).state();

    String stored = StoreJson.writeState(running);

    assertThat(IceosJson.mapper().readTree(stored).has(RunState.PLAN)).isFalse();
    assertThat(stored.length()).isLessThan(StoreJson.write(running).length());
    RunState read = StoreJson.readState(stored, StoreJson.readPlan(StoreJson.writePlan(plan)));
    assertThat(read).isEqualTo(running);
    assertThat(read.plan()).isEqualTo(plan);
  }

  @Test
  void shouldReadAStateAnEarlierBuildStoredWithItsPlanInside() {
    ExecutionPlan plan = plan();
    RunState running = RunTransitions.start(startOf(plan), NOW).state();
    String earlierFormat = StoreJson.write(running);

    assertThat(StoreJson.readState(earlierFormat, null)).isEqualTo(running);
    assertThat(StoreJson.readState(earlierFormat, plan)).isEqualTo(running);
  }

  private static StartRun startOf(ExecutionPlan plan) {
    return new StartRun(
        UUID.randomUUID(),
        "e1",
        "o1",
        "b1",
        "v1",
        plan,
        JSON.objectNode().put("x", 1),
        RunOptions.defaults(),
        NOW);
  }

  private static ExecutionPlan plan() {
    ToolNodeSpec a = ToolNodeSpec.of("a", "echo", JSON.objectNode().put("msg", "{{ inputs.x }}"));
    return new ExecutionPlan(
        1,
        "hash",
        List.of(List.of("a")),
        List.of(new PlannedNode(a, 0, 30_000, RetryPolicy.none(), true)),
        FailurePolicy.CONTINUE_IF_POSSIBLE,
        Scheduling.LEVEL,
        5,
        null,
        null,
        null);
  }
}
