package ai.iceos.compiler.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The submitted blueprint object with the indexes every rule needs, built once per validation so
 * that no rule does quadratic work: every node list (top-level and nested), every node object in
 * document order (a node before the nodes nested in it), the first node with each id, and (lazily)
 * every template and expression with its analysis.
 *
 * <p>The walk stops at {@link ValidationLimits}: lists nested deeper than allowed are not entered
 * (and reported), and once the blueprint has more nodes than allowed the walk ends.
 */
final class BlueprintDocument {
  private final ObjectNode root;
  private final CompileContext context;
  private final ValidationLimits limits;
  private final List<NodeGraph> graphs = new ArrayList<>();
  private final List<NodeEntry> nodes = new ArrayList<>();
  private final List<NodeGraph> tooDeep = new ArrayList<>();
  private final Map<String, NodeEntry> firstById = new HashMap<>();
  private final TemplateScanner scanner;
  private List<TemplateString> templates;
  private int nodeCount;

  BlueprintDocument(
      ObjectNode root, CompileContext context, ValidationLimits limits, TemplateScanner scanner) {
    this.root = root;
    this.context = context;
    this.limits = limits;
    this.scanner = scanner;
    JsonNode top = root.get("nodes");
    if (top != null && top.isArray()) {
      walk(new NodeGraph("/nodes", NodeGraph.Kind.TOP_LEVEL, top, null, 0));
    }
  }

  ObjectNode root() {
    return root;
  }

  CompileContext context() {
    return context;
  }

  ValidationLimits limits() {
    return limits;
  }

  /** A top-level field when present and not JSON null. */
  Optional<JsonNode> field(String name) {
    JsonNode value = root.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** Every node list that was walked, the top-level one first, in document order. */
  List<NodeGraph> graphs() {
    return graphs;
  }

  /** Every node object, nested ones included, in document order. */
  List<NodeEntry> nodes() {
    return nodes;
  }

  /** Node lists nested deeper than {@link ValidationLimits#maxNestingDepth()}; not walked. */
  List<NodeGraph> tooDeep() {
    return tooDeep;
  }

  /** Nodes counted, or more than the limit when the walk stopped early. */
  int nodeCount() {
    return nodeCount;
  }

  boolean tooManyNodes() {
    return nodeCount > limits.maxNodes();
  }

  /** The first node with this id, wherever it is nested. */
  Optional<NodeEntry> node(String id) {
    return Optional.ofNullable(firstById.get(id));
  }

  /** Every template and expression of every node, in document order. */
  List<TemplateString> templates() {
    if (templates == null) {
      templates = new TemplateCollector(scanner.batch()).collect(nodes);
    }
    return templates;
  }

  private void walk(NodeGraph graph) {
    if (graph.depth() > limits.maxNestingDepth()) {
      tooDeep.add(graph);
      return;
    }
    graphs.add(graph);
    JsonNode array = graph.array();
    for (int i = 0; i < array.size() && !tooManyNodes(); i++) {
      nodeCount++;
      if (array.get(i) instanceof ObjectNode object) {
        NodeEntry node = new NodeEntry(JsonPointer.child(graph.pointer(), i), object, graph);
        graph.add(node);
        nodes.add(node);
        node.id().ifPresent(id -> firstById.putIfAbsent(id, node));
        children(node);
      }
    }
  }

  private void children(NodeEntry node) {
    int depth = node.graph().depth() + 1;
    node.type()
        .ifPresent(
            type -> {
              switch (type) {
                case CONDITION -> {
                  child(node, "true_path", NodeGraph.Kind.CONDITION_PATH, depth);
                  child(node, "false_path", NodeGraph.Kind.CONDITION_PATH, depth);
                }
                case LOOP -> child(node, "body", NodeGraph.Kind.LOOP_BODY, depth);
                case PARALLEL -> branches(node, depth);
                case TOOL, LLM, AGENT, WORKFLOW, RECURSIVE, CODE, HUMAN, MONITOR, SWARM -> {
                  // No nested nodes.
                }
              }
            });
  }

  private void child(NodeEntry node, String field, NodeGraph.Kind kind, int depth) {
    node.field(field)
        .filter(JsonNode::isArray)
        .ifPresent(array -> walk(new NodeGraph(node.pointer(field), kind, array, node, depth)));
  }

  private void branches(NodeEntry node, int depth) {
    node.field("branches")
        .filter(JsonNode::isArray)
        .ifPresent(
            branches -> {
              for (int b = 0; b < branches.size(); b++) {
                if (branches.get(b).isArray()) {
                  String pointer = JsonPointer.child(node.pointer("branches"), b);
                  walk(
                      new NodeGraph(
                          pointer, NodeGraph.Kind.PARALLEL_BRANCH, branches.get(b), node, depth));
                }
              }
            });
  }
}
