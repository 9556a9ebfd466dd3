package ai.iceos.blueprint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionLockHeadersTest {
  @Test
  void shouldReadTheLockFromEveryEntityTagForm() {
    assertThat(VersionLockHeaders.requireWrite(null, "\"abc\"").lock()).isEqualTo("abc");
    assertThat(VersionLockHeaders.requireWrite(null, "W/\"abc\"").lock()).isEqualTo("abc");
    assertThat(VersionLockHeaders.requireWrite(null, "abc").lock()).isEqualTo("abc");
    assertThat(VersionLockHeaders.requireWrite(null, "*").any()).isTrue();
  }

  @Test
  void shouldPreferXVersionLockAndAnswer409ForItAnd412ForIfMatch() {
    ExpectedLock header = VersionLockHeaders.requireWrite("x", "\"y\"");
    assertThat(header.lock()).isEqualTo("x");
    assertThat(header.stale("id").type()).isEqualTo(ProblemType.VERSION_CONFLICT);
    assertThat(VersionLockHeaders.requireWrite(null, "\"y\"").stale("id").type())
        .isEqualTo(ProblemType.VERSION_MISMATCH);
  }

  @Test
  void shouldAnswer428WithoutALock() {
    assertThatThrownBy(() -> VersionLockHeaders.requireWrite(null, " "))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_REQUIRED));
  }

  @Test
  void shouldMatchIfNoneMatchAgainstTheLockShown() {
    assertThat(VersionLockHeaders.matches("\"a\", W/\"b\"", "b")).isTrue();
    assertThat(VersionLockHeaders.matches("\"a\"", "b")).isFalse();
    assertThat(VersionLockHeaders.matches(null, "b")).isFalse();
  }
}
