package ai.iceos.blueprint.api;

import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Checks shared by every JSON body: present (else 400) and an object (else 422 at ""). */
final class RequestBodies {
  private RequestBodies() {}

  static JsonNode requireObject(JsonNode body, ProblemType invalid) {
    if (body == null || body.isMissingNode()) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body is empty.");
    }
    if (!body.isObject()) {
      throw ProblemException.invalid(
          invalid, List.of(new Violation("", "type", "the body must be a JSON object")));
    }
    return body;
  }
}
