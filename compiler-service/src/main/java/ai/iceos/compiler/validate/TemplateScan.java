package ai.iceos.compiler.validate;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What static analysis of one template string found.
 *
 * @param syntaxError the first syntax error, if the template does not parse
 * @param rootNames the root variables it reads (the {@code a} of {@code a.b[0]}), names the
 *     template defines itself ({@code for}/{@code set} targets, {@code loop}) excluded, in order of
 *     appearance
 * @param inputKeys the run inputs it reads as {@code inputs.name} or {@code inputs['name']}
 */
record TemplateScan(Optional<String> syntaxError, List<String> rootNames, List<String> inputKeys) {
  static final TemplateScan PLAIN_TEXT = new TemplateScan(Optional.empty(), List.of(), List.of());

  TemplateScan {
    rootNames = List.copyOf(rootNames);
    inputKeys = List.copyOf(inputKeys);
  }

  static TemplateScan failed(String error) {
    return new TemplateScan(Optional.of(error), List.of(), List.of());
  }

  static TemplateScan names(Set<String> names, Set<String> inputKeys) {
    return new TemplateScan(Optional.empty(), List.copyOf(names), List.copyOf(inputKeys));
  }
}
