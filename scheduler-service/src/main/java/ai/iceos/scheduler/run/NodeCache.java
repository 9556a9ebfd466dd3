package ai.iceos.scheduler.run;

import ai.iceos.contracts.blueprint.CodeNodeSpec;
import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.plan.PlannedNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The node output cache's decisions (SPEC §2.7, decision 0114), pure: which nodes may be served
 * from it, the key of a task, the attempts whose output should be stored, and the transition that
 * serves a task from it instead of sending it. The store does the lookups and writes.
 *
 * <p>Key: lower-case hex SHA-256 of the canonical JSON (keys sorted) of {@code {org_id,
 * blueprint_id, version_lock, spec, scope}}, where {@code spec} is the node as submitted and {@code
 * scope} the task's template scope (the values the worker renders the node's templates from: run
 * inputs, dependency outputs, input mappings, loop and branch bindings) without {@code
 * execution.id}. Same org, blueprint version, node config and inputs: same key.
 */
public final class NodeCache {
  private static final ObjectMapper CANONICAL =
      IceosJson.configure(new ObjectMapper())
          .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
  private static final double DEFAULT_TEMPERATURE = 0.7;

  private NodeCache() {}

  /** An attempt whose output goes into the cache under the key its task was looked up with. */
  public record Completion(String taskId, JsonNode output) {}

  /**
   * Whether a node may be served from the cache: {@code use_cache} with the blueprint's {@code
   * cache} (combined by the compiler), and a type that is deterministic given its inputs: {@code
   * tool}, {@code code}, {@code llm} at temperature 0. A tool in {@code sideEffectingTools} only
   * when the node itself says {@code use_cache: true} (the default does not count). A node whose
   * templates read {@code execution.id} differs per execution and is never cached.
   */
  public static boolean cacheable(PlannedNode node, Set<String> sideEffectingTools) {
    boolean deterministic =
        switch (node.spec()) {
          case ToolNodeSpec tool ->
              !sideEffectingTools.contains(tool.toolName()) || Boolean.TRUE.equals(tool.useCache());
          case CodeNodeSpec code -> true;
          case LlmNodeSpec llm -> temperature(llm) == 0.0;
          default -> false;
        };
    return node.useCache() && deterministic && !canonical(node.spec()).contains("execution");
  }

  /** The cache key of a task of {@code state}, or empty when its node is not cacheable. */
  public static Optional<String> keyOf(
      RunState state, NodeTask task, Set<String> sideEffectingTools) {
    PlannedNode planned = new Step(state, Instant.EPOCH).planned(task.nodeId());
    if (!cacheable(planned, sideEffectingTools)) {
      return Optional.empty();
    }
    return Optional.of(
        key(state.orgId(), state.blueprintId(), state.versionLock(), task.node(), task.scope()));
  }

  static String key(
      String orgId, String blueprintId, String versionLock, NodeSpec spec, JsonNode scope) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put("org_id", orgId);
    document.put("blueprint_id", blueprintId);
    document.put("version_lock", versionLock);
    document.set("spec", CANONICAL.valueToTree(spec));
    ObjectNode values = scope == null ? JsonNodeFactory.instance.objectNode() : scope.deepCopy();
    if (values.get("execution") instanceof ObjectNode execution) {
      execution.remove("id");
    }
    document.set("scope", values);
    return sha256(canonical(document));
  }

  /**
   * The attempts that succeeded between {@code before} and {@code after} by a worker's report (not
   * from the cache) for a cacheable node: their output is stored.
   */
  public static List<Completion> completions(
      RunState before, RunState after, Set<String> sideEffectingTools) {
    Step step = new Step(after, Instant.EPOCH);
    List<Completion> completions = new ArrayList<>();
    for (String path : step.allPaths()) {
      NodeState was = before.nodes().get(path);
      NodeState now = step.node(path);
      if (now.status() == NodeStatus.SUCCEEDED
          && (was == null || was.status() != NodeStatus.SUCCEEDED)
          && cacheable(step.planned(path), sideEffectingTools)) {
        completions.add(
            new Completion(
                NodeTask.taskIdOf(after.executionId(), path, now.attempt()), now.output()));
      }
    }
    return completions;
  }

  /**
   * Serves {@code task} from the cache: the task is not sent; its node completes with {@code
   * output} and {@code cache_hit: true}, and whatever that enables follows in the same transition.
   */
  public static Transition served(Transition transition, NodeTask task, JsonNode output) {
    Instant now = task.occurredAt();
    NodeCompleted hit =
        new NodeCompleted(
            UUID.nameUUIDFromBytes(("cache:" + task.taskId()).getBytes(StandardCharsets.UTF_8)),
            task.taskId(),
            task.executionId(),
            task.nodeId(),
            task.attempt(),
            output,
            null,
            0,
            true,
            now);
    Transition next = RunTransitions.apply(transition.state(), hit, now);
    List<NodeTask> tasks =
        Stream.concat(
                transition.tasks().stream().filter(t -> !t.taskId().equals(task.taskId())),
                next.tasks().stream())
            .toList();
    return new Transition(
        next.state(),
        tasks,
        concat(transition.events(), next.events()),
        concat(transition.cancellations(), next.cancellations()),
        concat(transition.commands(), next.commands()),
        concat(transition.outcomes(), next.outcomes()));
  }

  private static double temperature(LlmNodeSpec llm) {
    if (llm.temperature() != null) {
      return llm.temperature();
    }
    JsonNode configured = llm.llmConfig() == null ? null : llm.llmConfig().get("temperature");
    return configured != null && configured.isNumber()
        ? configured.doubleValue()
        : DEFAULT_TEMPERATURE;
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private static String canonical(Object value) {
    try {
      return CANONICAL.writeValueAsString(
          value instanceof JsonNode node ? node : CANONICAL.valueToTree(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a cache key document", e);
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
