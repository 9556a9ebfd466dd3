package ai.iceos.blueprint.policy;

import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.policy.OrgPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of {@code PUT /api/v1/policy}: a full replacement, so an absent field takes its
 * default (empty lists, {@code denied_models} = {@code ["gpt-3.5*"]}, no budget, the service's rate
 * limit). Unknown fields and wrong types are reported with pointers.
 */
public final class PolicyReader {
  static final int MAX_RATE_LIMIT = 1_000_000;
  private static final Set<String> FIELDS =
      Set.of(
          "allowed_tools",
          "denied_tools",
          "allowed_agents",
          "denied_agents",
          "denied_models",
          "budget_usd",
          "rate_limit_per_minute");

  private PolicyReader() {}

  /** What reading gave. */
  public sealed interface Result {}

  public record Read(OrgPolicy policy) implements Result {}

  public record Unreadable(List<Violation> violations) implements Result {
    public Unreadable {
      violations = List.copyOf(violations);
    }
  }

  public static Result read(JsonNode body) {
    List<Violation> problems = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            field -> {
              if (!FIELDS.contains(field)) {
                problems.add(new Violation("/" + field, "unknown-field", "unknown policy field"));
              }
            });
    OrgPolicy policy =
        new OrgPolicy(
            names(body, "allowed_tools", problems),
            names(body, "denied_tools", problems),
            names(body, "allowed_agents", problems),
            names(body, "denied_agents", problems),
            names(body, "denied_models", problems),
            budget(body.path("budget_usd"), problems),
            rateLimit(body.path("rate_limit_per_minute"), problems));
    return problems.isEmpty() ? new Read(policy) : new Unreadable(problems);
  }

  private static List<String> names(JsonNode body, String field, List<Violation> problems) {
    JsonNode value = body.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      problems.add(new Violation("/" + field, "type", "'" + field + "' must be a list of names"));
      return null;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode name = value.get(i);
      if (!name.isTextual() || name.asText().isBlank()) {
        problems.add(new Violation("/" + field + "/" + i, "type", "a name must be a string"));
      } else {
        names.add(name.asText());
      }
    }
    return names;
  }

  private static BigDecimal budget(JsonNode value, List<Violation> problems) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || value.decimalValue().signum() < 0) {
      problems.add(
          new Violation("/budget_usd", "range", "'budget_usd' must be a number of dollars >= 0"));
      return null;
    }
    return value.decimalValue();
  }

  private static Integer rateLimit(JsonNode value, List<Violation> problems) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt()
        || !value.isIntegralNumber()
        || value.asInt() < 1
        || value.asInt() > MAX_RATE_LIMIT) {
      problems.add(
          new Violation(
              "/rate_limit_per_minute",
              "range",
              "'rate_limit_per_minute' must be an integer from 1 to " + MAX_RATE_LIMIT));
      return null;
    }
    return value.asInt();
  }
}
