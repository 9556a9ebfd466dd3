package ai.iceos.scheduler.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * One opened instance of a nested graph: an iteration of a loop, the chosen path of a condition, or
 * a branch of a parallel node. Its nodes live in the run's node map under {@code prefix + id}.
 *
 * @param id {@code loop[3]}, {@code check/true_path}, {@code fan/branches/1} (owner path first)
 * @param owner the path id of the loop, condition or parallel node that opened it
 * @param graph the nested graph's name in the owner ({@code body}, {@code true_path}, {@code
 *     branches/1}, as in {@link ai.iceos.contracts.plan.SubGraph#name()})
 * @param index the iteration or branch index (0-based); 0 for a condition path
 * @param prefix prepended to a nested node's id to give its path id: {@code loop[3].} in a loop
 *     iteration, the owner's own prefix in a condition path or parallel branch (their ids are
 *     unique in the blueprint and run once)
 * @param bindings names this frame adds to its nodes' scope ({@code item}, {@code loop_index},
 *     {@code condition_result}, {@code branch_index})
 */
public record Frame(
    String id, String owner, String graph, int index, String prefix, JsonNode bindings) {
  public Frame {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(prefix, "prefix");
    bindings = bindings == null ? JsonNodeFactory.instance.objectNode() : bindings.deepCopy();
  }

  /** The path id of a node of this frame. */
  String path(String localId) {
    return prefix + localId;
  }
}
