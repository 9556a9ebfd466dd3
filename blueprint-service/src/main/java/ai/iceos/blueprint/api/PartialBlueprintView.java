package ai.iceos.blueprint.api;

import ai.iceos.blueprint.partial.PartialSuggestions;
import ai.iceos.blueprint.partial.PartialSuggestions.Suggestion;
import ai.iceos.blueprint.partial.PartialValidator;
import ai.iceos.blueprint.store.StoredPartial;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * A partial blueprint as an author sees it: the nodes so far, whether they make a complete
 * blueprint, what is still wrong (pointers into {@code {"nodes": [...]}}) and what could come next.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PartialBlueprintView(
    String blueprintId,
    String versionLock,
    JsonNode nodes,
    boolean isComplete,
    List<Violation> validationErrors,
    List<Suggestion> nextSuggestions) {
  static final int SUGGESTIONS = 3;

  public PartialBlueprintView {
    validationErrors = List.copyOf(validationErrors);
    nextSuggestions = List.copyOf(nextSuggestions);
  }

  static PartialBlueprintView of(StoredPartial partial) {
    List<Violation> errors = PartialValidator.validate(partial.nodes());
    return new PartialBlueprintView(
        partial.id().toString(),
        partial.versionLock(),
        partial.nodes(),
        !partial.nodes().isEmpty() && errors.isEmpty(),
        errors,
        PartialSuggestions.suggest(partial.nodes(), Set.of(), SUGGESTIONS));
  }
}
