package ai.iceos.contracts.policy;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an org allows its blueprints to use (SPEC §3, {@code GET|PUT /api/v1/policy}). Names may end
 * in {@code *} to match a prefix ({@code gpt-3.5*}). An empty allow-list allows everything not
 * denied; a deny entry always wins over an allow entry.
 *
 * @param budgetUsd the org's spend limit per budget period, or null for none
 * @param rateLimitPerMinute API requests per token and minute, or null for the service default
 */
public record OrgPolicy(
    List<String> allowedTools,
    List<String> deniedTools,
    List<String> allowedAgents,
    List<String> deniedAgents,
    List<String> deniedModels,
    BigDecimal budgetUsd,
    Integer rateLimitPerMinute) {
  /** Models denied when an org has not said otherwise (SPEC §2.11). */
  public static final List<String> DEFAULT_DENIED_MODELS = List.of("gpt-3.5*");

  public OrgPolicy {
    allowedTools = copy(allowedTools);
    deniedTools = copy(deniedTools);
    allowedAgents = copy(allowedAgents);
    deniedAgents = copy(deniedAgents);
    deniedModels = deniedModels == null ? DEFAULT_DENIED_MODELS : List.copyOf(deniedModels);
  }

  /** The policy of an org that has not set one. */
  public static OrgPolicy defaults() {
    return new OrgPolicy(null, null, null, null, null, null, null);
  }

  public boolean allowsTool(String tool) {
    return allows(allowedTools, deniedTools, tool);
  }

  public boolean allowsAgent(String agentPackage) {
    return allows(allowedAgents, deniedAgents, agentPackage);
  }

  public boolean allowsModel(String model) {
    return !matchesAny(deniedModels, model);
  }

  private static boolean allows(List<String> allowed, List<String> denied, String name) {
    return !matchesAny(denied, name) && (allowed.isEmpty() || matchesAny(allowed, name));
  }

  private static boolean matchesAny(List<String> patterns, String name) {
    return patterns.stream().anyMatch(p -> matches(p, name));
  }

  private static boolean matches(String pattern, String name) {
    return pattern.endsWith("*")
        ? name.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(name);
  }

  private static List<String> copy(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
