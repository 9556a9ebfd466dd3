package ai.iceos.blueprint.partial;

import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The incremental check of a partial blueprint while it is being authored: node ids, types,
 * dependencies and each type's required fields (SPEC §1.2, §1.3). The compiler still checks the
 * whole blueprint at finalize; this only tells an author what is missing so far.
 */
public final class PartialValidator {
  private static final Pattern ID = Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]*$");
  private static final Map<NodeType, List<String>> REQUIRED =
      Map.ofEntries(
          Map.entry(NodeType.TOOL, List.of("tool_name")),
          Map.entry(NodeType.LLM, List.of("model", "prompt")),
          Map.entry(NodeType.AGENT, List.of()),
          Map.entry(NodeType.CONDITION, List.of("expression")),
          Map.entry(NodeType.WORKFLOW, List.of("workflow_ref")),
          Map.entry(NodeType.LOOP, List.of("items_source", "body")),
          Map.entry(NodeType.PARALLEL, List.of("branches")),
          Map.entry(NodeType.RECURSIVE, List.of("recursive_sources")),
          Map.entry(NodeType.CODE, List.of()),
          Map.entry(NodeType.HUMAN, List.of("prompt_message")),
          Map.entry(NodeType.MONITOR, List.of("metric_expression")),
          Map.entry(NodeType.SWARM, List.of("agents")));

  private PartialValidator() {}

  /** Every problem of the nodes so far, with pointers into {@code {"nodes": [...]}}. */
  public static List<Violation> validate(JsonNode nodes) {
    List<Violation> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < nodes.size(); i++) {
      String id = nodes.get(i).path("id").asText("");
      if (!ID.matcher(id).matches()) {
        problems.add(violation(i, "id", "invalid-id", "id must match " + ID.pattern()));
      } else if (!ids.add(id)) {
        problems.add(violation(i, "id", "duplicate-id", "another node has id '" + id + "'"));
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      check(nodes.get(i), i, ids, problems);
    }
    return problems;
  }

  private static void check(JsonNode node, int i, Set<String> ids, List<Violation> problems) {
    String type = node.path("type").asText("");
    var kind = NodeType.fromWireName(type);
    if (kind.isEmpty()) {
      problems.add(violation(i, "type", "unknown-type", "unknown node type '" + type + "'"));
    } else {
      for (String field : REQUIRED.get(kind.get())) {
        if (!present(node.path(field))) {
          problems.add(violation(i, field, "missing-field", "a " + type + " node needs " + field));
        }
      }
      eitherOf(node, i, kind.get(), problems);
    }
    JsonNode dependencies = node.path("dependencies");
    for (int d = 0; d < dependencies.size(); d++) {
      String dependency = dependencies.get(d).asText();
      if (!ids.contains(dependency)) {
        problems.add(
            new Violation(
                "/nodes/" + i + "/dependencies/" + d,
                "unknown-dependency",
                "no node has id '" + dependency + "'"));
      }
    }
  }

  private static void eitherOf(JsonNode node, int i, NodeType kind, List<Violation> problems) {
    switch (kind) {
      case AGENT -> {
        if (!present(node.path("package")) && !present(node.path("instructions"))) {
          problems.add(
              violation(i, "package", "missing-field", "an agent needs package or instructions"));
        }
      }
      case CODE -> {
        if (!present(node.path("code")) && !present(node.path("name"))) {
          problems.add(violation(i, "code", "missing-field", "a code node needs code or name"));
        }
      }
      case RECURSIVE -> {
        if (present(node.path("agent_package")) == present(node.path("workflow_ref"))) {
          problems.add(
              violation(
                  i,
                  "agent_package",
                  "missing-field",
                  "a recursive node needs exactly one of agent_package and workflow_ref"));
        }
      }
      case TOOL, LLM, CONDITION, WORKFLOW, LOOP, PARALLEL, HUMAN, MONITOR, SWARM -> {}
    }
  }

  private static boolean present(JsonNode value) {
    return !value.isMissingNode()
        && !value.isNull()
        && !(value.isTextual() && value.asText().isBlank())
        && !(value.isContainerNode() && value.isEmpty());
  }

  private static Violation violation(int i, String field, String code, String detail) {
    return new Violation("/nodes/" + i + "/" + field, code, detail);
  }
}
