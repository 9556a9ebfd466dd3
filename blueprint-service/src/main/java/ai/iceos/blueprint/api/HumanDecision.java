package ai.iceos.blueprint.api;

import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.messaging.SubmitDecision;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The body of a human decision: {@code {approved, response?, choice?, input?}}.
 *
 * @param response null when absent
 * @param choice null when absent
 * @param input null when absent
 */
record HumanDecision(boolean approved, String response, String choice, JsonNode input) {
  private static final Set<String> FIELDS = Set.of("approved", "response", "choice", "input");

  /** Reads the body; 422 with pointers for a missing or wrongly typed field. */
  static HumanDecision read(JsonNode body) {
    List<Violation> problems = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            field -> {
              if (!FIELDS.contains(field)) {
                problems.add(new Violation("/" + field, "unknown-field", "unknown field"));
              }
            });
    if (!body.path("approved").isBoolean()) {
      problems.add(new Violation("/approved", "required", "'approved' must be true or false"));
    }
    String response = text(body, "response", problems);
    String choice = text(body, "choice", problems);
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(ProblemType.INVALID_REQUEST, problems);
    }
    JsonNode input = body.path("input");
    return new HumanDecision(
        body.path("approved").asBoolean(),
        response,
        choice,
        input.isMissingNode() || input.isNull() ? null : input);
  }

  SubmitDecision toCommand(String executionId, String nodeId, Instant now) {
    return new SubmitDecision(
        UUID.randomUUID(), executionId, nodeId, approved, response, choice, input, "human", now);
  }

  private static String text(JsonNode body, String field, List<Violation> problems) {
    JsonNode value = body.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(new Violation("/" + field, "type", "'" + field + "' must be a string"));
      return null;
    }
    return value.asText();
  }
}
