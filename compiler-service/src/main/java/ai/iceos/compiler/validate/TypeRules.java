package ai.iceos.compiler.validate;

/** Codes shared by the node type rules. */
final class TypeRules {
  /** A list with fewer elements than the format requires. */
  static final String TOO_FEW_ITEMS = "too-few-items";

  private TypeRules() {}
}
