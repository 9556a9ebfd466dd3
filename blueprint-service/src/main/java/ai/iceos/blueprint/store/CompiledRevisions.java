package ai.iceos.blueprint.store;

import ai.iceos.contracts.plan.ExecutionPlan;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The compiled plans of stored revisions, kept in memory once read (decision 0123). A revision row
 * is never rewritten once compiled (a verdict only changes a pending one, a write adds a new
 * revision), so a plan read once stays right; only compiled revisions are kept, so a pending one is
 * read again until its verdict arrives. Each plan is parsed once, and its {@code workflow_ref}s
 * collected once, instead of on every start and every fold that meets a nested node.
 */
@ApplicationScoped
public class CompiledRevisions {
  private static final long MAX_CACHED = 10_000;

  private static final String PLAN =
      "select cast(plan as text) from blueprint.blueprint_version"
          + " where blueprint_id = $1 and revision = $2 and status = 'compiled'";

  /**
   * A compiled revision's plan.
   *
   * @param workflowRefs every {@code workflow_ref} in the plan (nested nodes too), sorted
   */
  public record CompiledPlan(ExecutionPlan plan, List<String> workflowRefs) {
    public CompiledPlan {
      workflowRefs = List.copyOf(workflowRefs);
    }

    static CompiledPlan of(ExecutionPlan plan) {
      return new CompiledPlan(plan, List.copyOf(WorkflowPlans.refsOf(plan)));
    }
  }

  private record Key(UUID blueprintId, long revision) {}

  private final Pool pool;
  private final Cache<Key, CompiledPlan> plans =
      Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

  CompiledRevisions(Pool pool) {
    this.pool = pool;
  }

  /** The plan of the revision, or empty when it is not (or not yet) compiled or does not exist. */
  public Uni<Optional<CompiledPlan>> of(UUID blueprintId, long revision) {
    Key key = new Key(blueprintId, revision);
    CompiledPlan cached = plans.getIfPresent(key);
    if (cached != null) {
      return Uni.createFrom().item(Optional.of(cached));
    }
    return pool.preparedQuery(PLAN)
        .execute(Tuple.of(blueprintId, revision))
        .map(rows -> read(key, rows));
  }

  private Optional<CompiledPlan> read(Key key, RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    String json = rows.iterator().next().getString(0);
    if (json == null) {
      return Optional.empty();
    }
    CompiledPlan plan = CompiledPlan.of(JsonColumns.read(json, ExecutionPlan.class));
    plans.put(key, plan);
    return Optional.of(plan);
  }
}
