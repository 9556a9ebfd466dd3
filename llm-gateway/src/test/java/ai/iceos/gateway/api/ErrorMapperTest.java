package ai.iceos.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorMapperTest {

  @ParameterizedTest
  @EnumSource(ErrorKind.class)
  void shouldRenderEveryKindInTheOpenAiShape(ErrorKind kind) {
    var response = ErrorMapper.render(kind, "why", "field", null);

    assertThat(response.getStatus()).isEqualTo(kind.status());
    assertThat(response.getEntity().error().code()).isEqualTo(kind.code());
    assertThat(response.getEntity().error().type()).isEqualTo(kind.type());
    assertThat(response.getEntity().error().message()).isEqualTo("why");
    assertThat(response.getEntity().error().param()).isEqualTo("field");
    assertThat(response.getHeaderString("Retry-After")).isNull();
  }

  @Test
  void shouldSendRetryAfterWhenRateLimitedOrProviderUnavailable() {
    var limited = ErrorMapper.render(ErrorKind.RATE_LIMITED, "slow down", null, 7L);
    var unavailable = ErrorMapper.render(ErrorKind.PROVIDER_UNAVAILABLE, "circuit open", null, 30L);

    assertThat(limited.getStatus()).isEqualTo(429);
    assertThat(limited.getHeaderString("Retry-After")).isEqualTo("7");
    assertThat(limited.getEntity().error().code()).isEqualTo("rate_limited");
    assertThat(unavailable.getStatus()).isEqualTo(503);
    assertThat(unavailable.getHeaderString("Retry-After")).isEqualTo("30");
    assertThat(unavailable.getEntity().error().code()).isEqualTo("provider_unavailable");
  }

  @Test
  void shouldMapFrameworkStatusesToKinds() {
    assertThat(ErrorKind.forStatus(404)).isEqualTo(ErrorKind.NOT_FOUND);
    assertThat(ErrorKind.forStatus(405)).isEqualTo(ErrorKind.METHOD_NOT_ALLOWED);
    assertThat(ErrorKind.forStatus(415)).isEqualTo(ErrorKind.UNSUPPORTED_MEDIA_TYPE);
    assertThat(ErrorKind.forStatus(413)).isEqualTo(ErrorKind.INVALID_REQUEST);
    assertThat(ErrorKind.forStatus(502)).isEqualTo(ErrorKind.INTERNAL);
  }
}
