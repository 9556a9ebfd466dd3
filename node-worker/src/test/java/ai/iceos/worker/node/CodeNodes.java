package ai.iceos.worker.node;

import ai.iceos.contracts.blueprint.CodeNodeSpec;
import java.util.List;

/** Code node specs for tests. */
public final class CodeNodes {
  private CodeNodes() {}

  /** A code node with only id, code and language (null for the default, javascript). */
  public static CodeNodeSpec inline(String id, String code, String language) {
    return new CodeNodeSpec(
        id, null, List.of(), null, null, null, null, null, null, null, null, null, null, null, code,
        language, null);
  }
}
