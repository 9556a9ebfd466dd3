package ai.iceos.worker.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.messaging.Failure;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class GatewayFailuresTest {
  @Test
  void shouldClassifyStatuses() {
    assertThat(GatewayFailures.classify(new GatewayException(429, "slow", 1_000L)))
        .isEqualTo(new Failure("rate-limited", "slow", true, 1_000L));
    assertThat(GatewayFailures.classify(new GatewayException(503, "down", null)))
        .isEqualTo(Failure.retryable("provider-error", "down"));
    assertThat(GatewayFailures.classify(new GatewayException(500, "oops", null)).retryable())
        .isTrue();
    assertThat(GatewayFailures.classify(new GatewayException(402, "broke", null)))
        .isEqualTo(Failure.permanent("budget-exceeded", "broke"));
    assertThat(GatewayFailures.classify(new GatewayException(400, "bad model", null)))
        .isEqualTo(Failure.permanent("provider-error", "bad model"));
    assertThat(GatewayFailures.classify(new GatewayException(404, "no", null)).retryable())
        .isFalse();
  }

  @Test
  void shouldReportTransportErrorsAsRetryableProviderError() {
    Failure failure = GatewayFailures.classify(new ConnectException("Connection refused"));

    assertThat(failure)
        .isEqualTo(
            Failure.retryable("provider-error", "LLM gateway unreachable: Connection refused"));
  }

  @Test
  void shouldReadOpenAiErrorBodyAndRetryAfter() {
    GatewayException e =
        GatewayException.of(
            429, "{\"error\": {\"message\": \"Rate limit\", \"type\": \"rate_limited\"}}", "2");

    assertThat(e.getMessage()).isEqualTo("Rate limit");
    assertThat(e.retryAfterMs()).isEqualTo(2_000L);
    assertThat(GatewayException.of(502, "<html>bad gateway</html>", null).getMessage())
        .isEqualTo("LLM gateway answered HTTP 502");
    assertThat(GatewayException.of(503, null, "Wed, 21 Oct 2015 07:28:00 GMT").retryAfterMs())
        .isNull();
  }
}
