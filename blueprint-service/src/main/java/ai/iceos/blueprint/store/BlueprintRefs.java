package ai.iceos.blueprint.store;

import ai.iceos.blueprint.document.WorkflowRefs;
import ai.iceos.blueprint.document.WorkflowRefs.Ref;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Resolves {@code workflow_ref}s against the org's stored blueprints and their revisions. */
@ApplicationScoped
public class BlueprintRefs {
  private static final String REVISIONS =
      "select cast(v.blueprint_id as text), v.version_lock from blueprint.blueprint_version v"
          + " join blueprint.blueprint b on b.id = v.blueprint_id"
          + " where b.org_id = :org and v.blueprint_id in (:ids)";

  private final Sessions sessions;

  BlueprintRefs(Sessions sessions) {
    this.sessions = sessions;
  }

  /**
   * The references that name a blueprint of the org (and, with {@code @lock}, one of its stored
   * revisions); the others are unknown to the compiler.
   */
  public Uni<List<String>> known(String orgId, Set<String> refs) {
    Map<String, Ref> parsed =
        refs.stream()
            .map(ref -> Map.entry(ref, WorkflowRefs.parse(ref)))
            .filter(entry -> entry.getValue().isPresent())
            .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()));
    if (parsed.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Set<UUID> ids = parsed.values().stream().map(Ref::blueprintId).collect(Collectors.toSet());
    return sessions
        .inSessionWith(
            session ->
                session
                    .createNativeQuery(REVISIONS, Object[].class)
                    .setParameter("org", orgId)
                    .setParameter("ids", ids)
                    .getResultList())
        .map(rows -> resolvable(parsed, rows));
  }

  private static List<String> resolvable(Map<String, Ref> parsed, List<Object[]> rows) {
    Set<String> blueprints = new HashSet<>();
    Set<String> revisions = new HashSet<>();
    for (Object[] row : rows) {
      blueprints.add(String.valueOf(row[0]));
      revisions.add(row[0] + "@" + row[1]);
    }
    Predicate<Ref> exists =
        ref ->
            ref.versionLock() == null
                ? blueprints.contains(ref.blueprintId().toString())
                : revisions.contains(ref.blueprintId() + "@" + ref.versionLock());
    return parsed.entrySet().stream()
        .filter(entry -> exists.test(entry.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }
}
