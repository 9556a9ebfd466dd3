package ai.iceos.scheduler.run;

import static ai.iceos.scheduler.run.Plans.human;
import static ai.iceos.scheduler.run.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.RunEventType;
import ai.iceos.contracts.messaging.SubmitDecision;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunTransitionsHumanTest {

  private static Transition decide(RunDriver run, String nodeId, boolean approved) {
    SubmitDecision decision =
        new SubmitDecision(
            UUID.randomUUID(),
            RunDriver.EXECUTION,
            nodeId,
            approved,
            "looks good",
            null,
            JsonNodeFactory.instance.objectNode().put("note", "x"),
            null,
            run.now);
    Transition transition = RunTransitions.decide(run.state, decision, run.now);
    run.state = transition.state();
    run.events.addAll(transition.events());
    run.tasks.addAll(transition.tasks());
    return transition;
  }

  @Test
  void shouldWaitForADecisionWithoutHoldingASlotAndCompleteWithIt() {
    RunDriver run =
        RunDriver.start(
            plan()
                .node(human("review", null, null))
                .tool("side")
                .tool("publish", "review")
                .eager()
                .maxParallel(1)
                .build());

    assertThat(run.status("review")).isEqualTo(NodeStatus.WAITING);
    assertThat(run.taskIds()).containsExactly("exec-1:side:1");
    assertThat(run.last(RunEventType.NODE_WAITING).data().get("prompt_message").asText())
        .isEqualTo("Publish?");
    assertThat(run.state.nextWakeAt()).isEmpty();

    decide(run, "review", true);

    assertThat(run.status("review")).isEqualTo(NodeStatus.SUCCEEDED);
    assertThat(run.state.node("review").output().toString())
        .isEqualTo(
            "{\"approved\":true,\"response\":\"looks good\",\"choice\":null,"
                + "\"input\":{\"note\":\"x\"},\"decided_by\":\"human\"}");
    assertThat(decide(run, "review", false).changed()).isFalse();
    run.complete("side");
    assertThat(run.taskIds()).endsWith("exec-1:publish:1");
  }

  @Test
  void shouldApproveAutomaticallyOnceAutoApproveAfterHasPassed() {
    RunDriver run = RunDriver.start(plan().node(human("review", 60, 5)).build());

    assertThat(run.state.nextWakeAt()).contains(run.now.plusSeconds(5));
    assertThat(run.advance(Duration.ofSeconds(4)).changed()).isFalse();
    run.advance(Duration.ofSeconds(1));

    assertThat(run.state.node("review").output().get("decided_by").asText()).isEqualTo("auto");
    assertThat(run.state.node("review").output().get("approved").asBoolean()).isTrue();
    assertThat(run.state.status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void shouldFailWhenNoDecisionArrivesBeforeTheTimeout() {
    RunDriver run = RunDriver.start(plan().node(human("review", 60, null)).build());

    run.advance(Duration.ofSeconds(60));

    assertThat(run.status("review")).isEqualTo(NodeStatus.FAILED);
    assertThat(run.state.node("review").failure().message()).isEqualTo("No decision within 60 s");
    assertThat(run.state.status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void shouldCancelAWaitingNodeWithTheRun() {
    RunDriver run = RunDriver.start(plan().node(human("review", null, null)).build());
    run.cancel();

    assertThat(run.status("review")).isEqualTo(NodeStatus.CANCELLED);
    assertThat(run.cancellations).isEmpty();
  }
}
