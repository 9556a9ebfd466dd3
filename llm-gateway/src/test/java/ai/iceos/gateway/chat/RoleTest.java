package ai.iceos.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {
  @Test
  void shouldParseEveryRoleByItsWireNameOnly() {
    for (Role role : Role.values()) {
      assertThat(Role.parse(role.wireName())).contains(role);
    }
    assertThat(Role.parse("User")).isEmpty();
    assertThat(Role.parse("function")).isEmpty();
    assertThat(Role.parse(null)).isEmpty();
  }
}
