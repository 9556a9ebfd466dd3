package ai.iceos.worker.node;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.Failure;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {
  @Test
  void shouldKeepClassifiedFailures() {
    Failure failure = Failure.permanent("budget-exceeded", "no money");

    assertThat(FailureClassifier.classify(new NodeFailureException(failure))).isEqualTo(failure);
    assertThat(
            FailureClassifier.classify(new CompletionException(new NodeFailureException(failure))))
        .isEqualTo(failure);
  }

  @Test
  void shouldReportPassedDeadlineAsRetryableTimeout() {
    Failure failure =
        FailureClassifier.classify(new DeadlineExceededException("Node 'a' timed out after 1 s"));

    assertThat(failure).isEqualTo(Failure.retryable("timeout", "Node 'a' timed out after 1 s"));
  }

  @Test
  void shouldReportAnythingElseAsRetryableInternal() {
    Failure failure = FailureClassifier.classify(new IllegalStateException("bug"));

    assertThat(failure.type()).isEqualTo("internal");
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.message()).isEqualTo("IllegalStateException: bug");
    assertThat(FailureClassifier.classify(new NullPointerException()).message())
        .isEqualTo("NullPointerException");
  }
}
