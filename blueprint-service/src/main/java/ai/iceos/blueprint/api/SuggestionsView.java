package ai.iceos.blueprint.api;

import ai.iceos.blueprint.partial.PartialSuggestions.Suggestion;
import java.util.List;

/**
 * Suggestions for the next node.
 *
 * @param versionLock the partial's new lock when the best suggestion was committed, else null
 */
public record SuggestionsView(List<Suggestion> suggestions, String versionLock) {
  public SuggestionsView {
    suggestions = List.copyOf(suggestions);
  }
}
