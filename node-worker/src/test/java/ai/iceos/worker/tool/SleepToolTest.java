package ai.iceos.worker.tool;

import static ai.iceos.worker.tool.ToolFixtures.attempt;
import static ai.iceos.worker.tool.ToolFixtures.await;
import static ai.iceos.worker.tool.ToolFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;

class SleepToolTest {
  private final SleepTool tool = new SleepTool();

  @Test
  void shouldReturnSleptSeconds() {
    assertThat(await(tool.execute(json("{\"seconds\": 0.05}"), attempt(1))))
        .isEqualTo(json("{\"slept\": 0.05}"));
  }

  @Test
  void shouldReturnToTheCallerBeforeTheWaitEnds() {
    // given a long sleep subscribed on this thread
    var subscriber =
        tool.execute(json("{\"seconds\": 3600}"), attempt(1))
            .subscribe()
            .withSubscriber(UniAssertSubscriber.create());

    // then the call has returned without an item: the wait holds no thread
    subscriber.assertNotTerminated();
    subscriber.cancel();
  }

  @Test
  void shouldRejectMissingOrNegativeSeconds() {
    assertThatThrownBy(() -> await(tool.execute(json("{}"), attempt(1))))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.retryable()).isFalse());
    assertThatThrownBy(() -> await(tool.execute(json("{\"seconds\": -1}"), attempt(1))))
        .isInstanceOf(ToolException.class);
  }
}
