package ai.iceos.blueprint.execution;

import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.messaging.RunOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a start request from its JSON tree, collecting every problem with its pointer. */
public final class StartExecutionRequestReader {
  /** The outcome of reading: a request, or every problem found. */
  public sealed interface Reading permits Read, Unreadable {}

  public record Read(StartExecutionRequest request) implements Reading {}

  public record Unreadable(List<Violation> violations) implements Reading {
    public Unreadable {
      violations = List.copyOf(violations);
    }
  }

  private static final Set<String> FIELDS =
      Set.of("blueprint_id", "version_lock", "inputs", "options", "budget_usd");
  private static final Set<String> OPTION_FIELDS = Set.of("max_parallel", "failure_policy");

  private StartExecutionRequestReader() {}

  public static Reading read(JsonNode body) {
    if (body == null || !body.isObject()) {
      return new Unreadable(List.of(new Violation("", "type", "the body must be a JSON object")));
    }
    List<Violation> problems = new ArrayList<>();
    unknownFields(body, "", FIELDS, problems);
    String blueprintId = requiredString(body, "blueprint_id", problems);
    String versionLock = optionalString(body, "version_lock", problems);
    ObjectNode inputs = optionalObject(body, "inputs", problems);
    RunOptions options = options(body, problems);
    return problems.isEmpty()
        ? new Read(new StartExecutionRequest(blueprintId, versionLock, inputs, options))
        : new Unreadable(problems);
  }

  private static RunOptions options(JsonNode body, List<Violation> problems) {
    BigDecimal budget = budget(body, problems);
    JsonNode options = body.get("options");
    if (options == null || options.isNull()) {
      return new RunOptions(null, null, budget);
    }
    if (!options.isObject()) {
      problems.add(new Violation("/options", "type", "options must be an object"));
      return new RunOptions(null, null, budget);
    }
    unknownFields(options, "/options", OPTION_FIELDS, problems);
    return new RunOptions(
        maxParallel(options.get("max_parallel"), problems),
        failurePolicy(options.get("failure_policy"), problems),
        budget);
  }

  private static Integer maxParallel(JsonNode value, List<Violation> problems) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToExactIntegral() || value.asLong() < 1 || value.asLong() > 1000) {
      problems.add(
          new Violation(
              "/options/max_parallel", "range", "max_parallel must be an integer from 1 to 1000"));
      return null;
    }
    return value.asInt();
  }

  private static FailurePolicy failurePolicy(JsonNode value, List<Violation> problems) {
    if (value == null || value.isNull()) {
      return null;
    }
    String name = value.isTextual() ? value.asText().toUpperCase(Locale.ROOT) : "";
    for (FailurePolicy policy : FailurePolicy.values()) {
      if (policy.name().equals(name)) {
        return policy;
      }
    }
    problems.add(
        new Violation(
            "/options/failure_policy",
            "enum",
            "failure_policy must be one of halt_on_first_error, continue_if_possible,"
                + " always_continue"));
    return null;
  }

  private static BigDecimal budget(JsonNode body, List<Violation> problems) {
    JsonNode value = body.get("budget_usd");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || value.decimalValue().signum() < 0) {
      problems.add(new Violation("/budget_usd", "type", "budget_usd must be a number >= 0"));
      return null;
    }
    return value.decimalValue();
  }

  private static String requiredString(JsonNode body, String field, List<Violation> problems) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      problems.add(new Violation("/" + field, "required", field + " is required"));
      return null;
    }
    return string(value, field, problems);
  }

  private static String optionalString(JsonNode body, String field, List<Violation> problems) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : string(value, field, problems);
  }

  private static String string(JsonNode value, String field, List<Violation> problems) {
    if (!value.isTextual() || value.asText().isBlank()) {
      problems.add(new Violation("/" + field, "type", field + " must be a non-empty string"));
      return null;
    }
    return value.asText();
  }

  private static ObjectNode optionalObject(JsonNode body, String field, List<Violation> problems) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!value.isObject()) {
      problems.add(new Violation("/" + field, "type", field + " must be an object"));
      return JsonNodeFactory.instance.objectNode();
    }
    return (ObjectNode) value;
  }

  private static void unknownFields(
      JsonNode node, String at, Set<String> known, List<Violation> problems) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(
            new Violation(
                at + "/" + escape(name), "unknown-field", "unknown field '" + name + "'"));
      }
    }
  }

  /** RFC 6901 escaping of one reference token. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
