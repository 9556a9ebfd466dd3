package ai.iceos.compiler.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One list of nodes whose dependencies refer to each other: the top-level {@code nodes}, a
 * condition's {@code true_path}/{@code false_path}, a loop's {@code body} or one parallel branch.
 * Nodes of a nested list may depend only on nodes of the same list; they see the owner's scope.
 * Built by {@link BlueprintDocument}, which adds the nodes while it walks the document.
 */
final class NodeGraph {

  /** Where a node list sits, which decides the scope names its nodes get. */
  enum Kind {
    TOP_LEVEL("top-level node list"),
    CONDITION_PATH("path"),
    LOOP_BODY("loop body"),
    PARALLEL_BRANCH("branch");

    private final String noun;

    Kind(String noun) {
      this.noun = noun;
    }

    /** How a detail names such a list. */
    String noun() {
      return noun;
    }
  }

  private final String pointer;
  private final Kind kind;
  private final JsonNode array;
  private final NodeEntry owner;
  private final int depth;
  private final List<NodeEntry> nodes = new ArrayList<>();

  /**
   * @param pointer the list's pointer ({@code /nodes}, {@code /nodes/2/branches/0})
   * @param array the submitted list
   * @param owner the node it belongs to; null for the top-level list
   * @param depth 0 for the top-level list, 1 for a list nested in a top-level node…
   */
  NodeGraph(String pointer, Kind kind, JsonNode array, NodeEntry owner, int depth) {
    this.pointer = pointer;
    this.kind = kind;
    this.array = array;
    this.owner = owner;
    this.depth = depth;
  }

  String pointer() {
    return pointer;
  }

  Kind kind() {
    return kind;
  }

  /** The list as submitted (its elements may not all be objects). */
  JsonNode array() {
    return array;
  }

  /** The owning node, absent for the top-level list. */
  Optional<NodeEntry> owner() {
    return Optional.ofNullable(owner);
  }

  int depth() {
    return depth;
  }

  /** The node objects of the list, in order. */
  List<NodeEntry> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  void add(NodeEntry node) {
    nodes.add(node);
  }
}
