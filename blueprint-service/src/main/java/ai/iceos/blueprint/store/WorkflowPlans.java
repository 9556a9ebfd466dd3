package ai.iceos.blueprint.store;

import ai.iceos.blueprint.document.WorkflowRefs;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PinnedPlan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves every {@code workflow_ref} reachable from a plan (transitively: the referenced plans'
 * own refs too) to the compiled plan of the referenced blueprint revision, for {@code
 * StartRun.workflows} (decision 0008, 0114): {@code id@version_lock} pins that stored revision, a
 * bare {@code id} means the current one. A cycle of references resolves once per ref; how deep
 * children may nest is the scheduler's limit.
 */
@ApplicationScoped
public class WorkflowPlans {
  private final BlueprintStore blueprints;

  WorkflowPlans(BlueprintStore blueprints) {
    this.blueprints = blueprints;
  }

  /**
   * The refs that resolved, and for each that did not why.
   *
   * @param plans by the reference as written
   * @param problems {@code 'ref': reason} lines, empty when every ref resolved
   */
  public record Resolution(Map<String, PinnedPlan> plans, List<String> problems) {
    public Resolution {
      plans = Map.copyOf(plans);
      problems = List.copyOf(problems);
    }
  }

  public Uni<Resolution> resolve(String orgId, ExecutionPlan plan) {
    return resolve(orgId, refsOf(plan));
  }

  /** {@link #resolve(String, ExecutionPlan)} for a plan's refs already collected. */
  public Uni<Resolution> resolve(String orgId, Collection<String> refs) {
    if (refs.isEmpty()) {
      return Uni.createFrom().item(new Resolution(Map.of(), List.of()));
    }
    Deque<String> pending = new ArrayDeque<>(refs);
    return next(orgId, pending, new LinkedHashMap<>(), new ArrayList<>());
  }

  private Uni<Resolution> next(
      String orgId, Deque<String> pending, Map<String, PinnedPlan> plans, List<String> problems) {
    String ref = pending.poll();
    while (ref != null && (plans.containsKey(ref) || isReported(problems, ref))) {
      ref = pending.poll();
    }
    if (ref == null) {
      return Uni.createFrom().item(new Resolution(plans, problems));
    }
    String current = ref;
    Optional<WorkflowRefs.Ref> parsed = WorkflowRefs.parse(ref);
    if (parsed.isEmpty()) {
      problems.add(line(ref, "not a blueprint id"));
      return next(orgId, pending, plans, problems);
    }
    return blueprints
        .findRevision(orgId, parsed.get().blueprintId(), parsed.get().versionLock())
        .chain(
            found -> {
              String problem = problemOf(found);
              if (problem != null) {
                problems.add(line(current, problem));
              } else {
                StoredBlueprint child = found.get();
                plans.put(
                    current,
                    new PinnedPlan(child.id().toString(), child.versionLock(), child.plan()));
                pending.addAll(refsOf(child.plan()));
              }
              return next(orgId, pending, plans, problems);
            });
  }

  private static String problemOf(Optional<StoredBlueprint> found) {
    if (found.isEmpty()) {
      return "no such blueprint or revision";
    }
    StoredBlueprint blueprint = found.get();
    if (blueprint.status() != BlueprintStatus.COMPILED || blueprint.plan() == null) {
      return "blueprint is "
          + blueprint.status().wireName()
          + "; only a compiled blueprint can run";
    }
    return null;
  }

  private static boolean isReported(List<String> problems, String ref) {
    return problems.stream().anyMatch(p -> p.startsWith(line(ref, "")));
  }

  private static String line(String ref, String reason) {
    return "'" + ref + "': " + reason;
  }

  /** The workflow refs a plan's nested workflow nodes name. */
  static Set<String> refsOf(ExecutionPlan plan) {
    return WorkflowRefs.in(IceosJson.mapper().valueToTree(plan));
  }
}
