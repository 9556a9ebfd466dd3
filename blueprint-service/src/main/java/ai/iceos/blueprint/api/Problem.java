package ai.iceos.blueprint.api;

import ai.iceos.contracts.blueprint.Violation;
import java.util.List;

/**
 * An RFC 9457 problem body.
 *
 * @param instance the request path, or for 5xx an opaque reference carrying the trace id
 * @param errors validation problems with RFC 6901 pointers into the submitted document, or null
 */
public record Problem(
    String type, String title, int status, String detail, String instance, List<Violation> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
  }

  public static Problem of(
      ProblemType type, String detail, String instance, List<Violation> errors) {
    return new Problem(type.uri(), type.title(), type.status(), detail, instance, errors);
  }
}
