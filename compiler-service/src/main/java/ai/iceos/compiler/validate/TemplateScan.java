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
 */
record TemplateScan(Optional<String> syntaxError, List<String> rootNames) {
  static final TemplateScan PLAIN_TEXT = new TemplateScan(Optional.empty(), List.of());

  TemplateScan {
    rootNames = List.copyOf(rootNames);
  }

  static TemplateScan failed(String error) {
    return new TemplateScan(Optional.of(error), List.of());
  }

  static TemplateScan names(Set<String> names) {
    return new TemplateScan(Optional.empty(), List.copyOf(names));
  }
}
