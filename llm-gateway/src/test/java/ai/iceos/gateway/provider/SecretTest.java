package ai.iceos.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void shouldNeverPrintTheValue() {
    var secret = new SecretConverter().convert("sk-live-123");

    assertThat(secret.toString()).doesNotContain("sk-live-123").isEqualTo("Secret[redacted]");
    assertThat("key=" + secret).doesNotContain("sk-live-123");
    assertThat(secret.reveal()).isEqualTo("sk-live-123");
  }

  @Test
  void shouldTreatABlankValueAsNoSecret() {
    assertThat(new SecretConverter().convert(" ")).isNull();
    assertThat(new SecretConverter().convert("")).isNull();
  }
}
