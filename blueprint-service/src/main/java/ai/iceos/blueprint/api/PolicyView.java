package ai.iceos.blueprint.api;

import ai.iceos.contracts.policy.OrgPolicy;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * An org's policy as the API shows it, every field present.
 *
 * @param budgetUsd null when the org has no budget
 * @param rateLimitPerMinute null when the service default applies
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PolicyView(
    List<String> allowedTools,
    List<String> deniedTools,
    List<String> allowedAgents,
    List<String> deniedAgents,
    List<String> deniedModels,
    BigDecimal budgetUsd,
    Integer rateLimitPerMinute) {
  static PolicyView of(OrgPolicy policy) {
    return new PolicyView(
        policy.allowedTools(),
        policy.deniedTools(),
        policy.allowedAgents(),
        policy.deniedAgents(),
        policy.deniedModels(),
        policy.budgetUsd(),
        policy.rateLimitPerMinute());
  }
}
