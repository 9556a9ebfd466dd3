package ai.iceos.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.gateway.chat.Attribution;
import org.junit.jupiter.api.Test;

class BudgetScopeTest {

  @Test
  void shouldParseExecutionAndOrgScopes() {
    assertThat(BudgetScope.parse("execution:8f1c-22"))
        .contains(new BudgetScope(BudgetScope.Kind.EXECUTION, "8f1c-22"));
    assertThat(BudgetScope.parse("org:acme"))
        .contains(new BudgetScope(BudgetScope.Kind.ORG, "acme"));
    assertThat(BudgetScope.parse("org:acme").orElseThrow().key()).isEqualTo("org:acme");
  }

  @Test
  void shouldRejectOtherScopes() {
    assertThat(BudgetScope.parse("team:acme")).isEmpty();
    assertThat(BudgetScope.parse("org:")).isEmpty();
    assertThat(BudgetScope.parse("acme")).isEmpty();
    assertThat(BudgetScope.parse("org:a b")).isEmpty();
    assertThat(BudgetScope.parse(null)).isEmpty();
  }

  @Test
  void shouldChargeACallToItsExecutionAndOrgInAFixedOrder() {
    assertThat(new Attribution("acme", "run-1", "n1").budgetScopes())
        .containsExactly("execution:run-1", "org:acme");
    assertThat(new Attribution(" ", "run-1", null).budgetScopes())
        .containsExactly("execution:run-1");
    assertThat(new Attribution(null, null, "n1").budgetScopes()).isEmpty();
  }
}
