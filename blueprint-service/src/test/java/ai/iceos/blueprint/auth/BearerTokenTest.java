package ai.iceos.blueprint.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {
  @Test
  void shouldReadTheTokenOfABearerHeaderInAnyCase() {
    assertThat(BearerToken.parse("Bearer abc")).contains("abc");
    assertThat(BearerToken.parse("bearer  abc ")).contains("abc");
  }

  @Test
  void shouldFindNoTokenInOtherHeaders() {
    assertThat(BearerToken.parse(null)).isEmpty();
    assertThat(BearerToken.parse("Basic abc")).isEmpty();
    assertThat(BearerToken.parse("Bearer ")).isEmpty();
  }

  @Test
  void shouldHashAsLowerCaseSha256Hex() {
    assertThat(BearerToken.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
