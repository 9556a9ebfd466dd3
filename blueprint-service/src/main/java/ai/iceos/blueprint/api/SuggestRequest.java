package ai.iceos.blueprint.api;

import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of a suggest request: {@code {top_k (1..10, 3), allowed_types ([] = any), commit
 * (false)}}; an absent body takes the defaults.
 */
record SuggestRequest(int topK, Set<String> allowedTypes, boolean commit) {
  static final int MAX_TOP_K = 10;

  SuggestRequest {
    allowedTypes = Set.copyOf(allowedTypes);
  }

  static SuggestRequest read(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return new SuggestRequest(3, Set.of(), false);
    }
    List<Violation> problems = new ArrayList<>();
    JsonNode topK = body.path("top_k");
    int k = topK.isMissingNode() ? 3 : topK.asInt(-1);
    if (!topK.isMissingNode() && (!topK.isIntegralNumber() || k < 1 || k > MAX_TOP_K)) {
      problems.add(new Violation("/top_k", "range", "top_k must be an integer from 1 to 10"));
    }
    Set<String> types = new HashSet<>();
    JsonNode allowed = body.path("allowed_types");
    if (!allowed.isMissingNode() && !allowed.isArray()) {
      problems.add(new Violation("/allowed_types", "type", "allowed_types must be a list"));
    }
    allowed.forEach(type -> types.add(type.asText()));
    JsonNode commit = body.path("commit");
    if (!commit.isMissingNode() && !commit.isBoolean()) {
      problems.add(new Violation("/commit", "type", "commit must be true or false"));
    }
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(ProblemType.INVALID_REQUEST, problems);
    }
    return new SuggestRequest(k, types, commit.asBoolean(false));
  }
}
