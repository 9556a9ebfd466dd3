package ai.iceos.blueprint.store;

import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.messaging.BlueprintCompiled;
import ai.iceos.contracts.messaging.BlueprintEvent;
import ai.iceos.contracts.messaging.BlueprintRejected;
import ai.iceos.contracts.plan.ExecutionPlan;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Blueprints and their revisions (schema {@code blueprint}); each method is one transaction. */
@ApplicationScoped
public class BlueprintStore {
  private static final TypeReference<List<Violation>> VIOLATIONS = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, org_id, revision, version_lock, status, document::text as document, plan::text as plan,"
          + " errors::text as errors, forbidden, created_at, updated_at";
  private static final String INSERT =
      "insert into blueprint.blueprint (id, org_id, revision, version_lock, status, document,"
          + " compile_requested_at, created_at, updated_at)"
          + " values ($1, $2, $3, $4, 'pending', ($5::text)::jsonb, $6, $6, $6)";
  private static final String INSERT_VERSION =
      "insert into blueprint.blueprint_version (blueprint_id, revision, version_lock, status,"
          + " document, created_at) values ($1, $2, $3, 'pending', ($4::text)::jsonb, $5)";
  private static final String VERDICT =
      "update blueprint.blueprint set status = $3, plan = ($4::text)::jsonb,"
          + " errors = ($5::text)::jsonb, forbidden = $6, updated_at = $7"
          + " where id = $1 and revision = $2 and status = 'pending'";
  private static final String VERSION_VERDICT =
      "update blueprint.blueprint_version set status = $3, plan = ($4::text)::jsonb,"
          + " errors = ($5::text)::jsonb where blueprint_id = $1 and revision = $2"
          + " and status = 'pending'";
  private static final String VERSION_COLUMNS =
      "v.blueprint_id as id, b.org_id, v.revision, v.version_lock, v.status,"
          + " v.document::text as document, v.plan::text as plan, v.errors::text as errors,"
          + " b.forbidden, v.created_at, b.updated_at";

  private final Pool pool;
  private final InstantSource clock;

  BlueprintStore(Pool pool, InstantSource clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** Stores revision 1 of a new blueprint, pending compilation, with a fresh version lock. */
  public Uni<StoredBlueprint> create(String orgId, JsonNode document) {
    UUID id = UUID.randomUUID();
    String lock = VersionLock.fresh();
    Instant now = clock.instant();
    String json = JsonColumns.write(document);
    return pool.withTransaction(
            connection ->
                connection
                    .preparedQuery(INSERT)
                    .execute(Tuple.tuple(List.of(id, orgId, 1L, lock, json, JsonColumns.at(now))))
                    .chain(() -> insertVersion(connection, id, lock, json, now)))
        .replaceWith(
            new StoredBlueprint(
                id,
                orgId,
                1,
                lock,
                BlueprintStatus.PENDING,
                document,
                null,
                List.of(),
                false,
                now,
                now));
  }

  private static Uni<RowSet<Row>> insertVersion(
      SqlConnection connection, UUID id, String lock, String json, Instant now) {
    return connection
        .preparedQuery(INSERT_VERSION)
        .execute(Tuple.tuple(List.of(id, 1L, lock, json, JsonColumns.at(now))));
  }

  /** The current revision of the org's blueprint. */
  public Uni<Optional<StoredBlueprint>> find(String orgId, UUID id) {
    return pool.preparedQuery(
            "select " + COLUMNS + " from blueprint.blueprint where id = $1 and org_id = $2")
        .execute(Tuple.of(id, orgId))
        .map(BlueprintStore::first);
  }

  /**
   * The revision an execution should run: the current one without a lock, else the stored revision
   * with that lock.
   */
  public Uni<Optional<StoredBlueprint>> findRevision(String orgId, UUID id, String versionLock) {
    if (versionLock == null) {
      return find(orgId, id);
    }
    return pool.preparedQuery(
            "select "
                + VERSION_COLUMNS
                + " from blueprint.blueprint_version v"
                + " join blueprint.blueprint b on b.id = v.blueprint_id"
                + " where v.blueprint_id = $1 and b.org_id = $2 and v.version_lock = $3")
        .execute(Tuple.of(id, orgId, versionLock))
        .map(BlueprintStore::first);
  }

  /** The plan of one stored revision, if it was compiled. */
  public Uni<Optional<ExecutionPlan>> plan(UUID id, long revision) {
    return pool.preparedQuery(
            "select plan::text as plan from blueprint.blueprint_version"
                + " where blueprint_id = $1 and revision = $2")
        .execute(Tuple.of(id, revision))
        .map(
            rows ->
                rows.iterator().hasNext()
                    ? Optional.ofNullable(
                        JsonColumns.read(
                            rows.iterator().next().getString("plan"), ExecutionPlan.class))
                    : Optional.empty());
  }

  /** Removes a blueprint and all its revisions. */
  public Uni<Void> delete(UUID id) {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery("delete from blueprint.blueprint_version where blueprint_id = $1")
                .execute(Tuple.of(id))
                .chain(
                    () ->
                        connection
                            .preparedQuery("delete from blueprint.blueprint where id = $1")
                            .execute(Tuple.of(id)))
                .replaceWithVoid());
  }

  /**
   * Applies a compiler verdict if it answers the current revision and that is still pending.
   *
   * @return true if the verdict changed the blueprint
   */
  public Uni<Boolean> applyVerdict(BlueprintEvent verdict) {
    UUID id;
    try {
      id = UUID.fromString(verdict.blueprintId());
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().item(false);
    }
    List<Object> values = verdictValues(id, verdict);
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery(VERSION_VERDICT)
                .execute(Tuple.tuple(values.subList(0, 5)))
                .chain(() -> connection.preparedQuery(VERDICT).execute(Tuple.tuple(values)))
                .map(rows -> rows.rowCount() > 0));
  }

  private List<Object> verdictValues(UUID id, BlueprintEvent verdict) {
    List<Object> values = new ArrayList<>();
    values.add(id);
    values.add(verdict.revision());
    switch (verdict) {
      case BlueprintCompiled compiled -> {
        values.add(BlueprintStatus.COMPILED.wireName());
        values.add(JsonColumns.write(compiled.plan()));
        values.add(null);
        values.add(false);
      }
      case BlueprintRejected rejected -> {
        values.add(BlueprintStatus.INVALID.wireName());
        values.add(null);
        values.add(JsonColumns.write(rejected.violations()));
        values.add(rejected.forbidden());
      }
    }
    values.add(JsonColumns.at(clock.instant()));
    return values;
  }

  /** Blueprints still pending whose last compile request is older than {@code age}. */
  public Uni<List<StoredBlueprint>> overdue(Duration age, int limit) {
    return pool.preparedQuery(
            "select "
                + COLUMNS
                + " from blueprint.blueprint where status = 'pending'"
                + " and compile_requested_at < $1 order by compile_requested_at limit $2")
        .execute(Tuple.of(JsonColumns.at(clock.instant().minus(age)), limit))
        .map(BlueprintStore::all);
  }

  /** Records that a compile request was (re-)sent now. */
  public Uni<Void> compileRequested(UUID id) {
    return pool.preparedQuery(
            "update blueprint.blueprint set compile_requested_at = $2 where id = $1")
        .execute(Tuple.of(id, JsonColumns.at(clock.instant())))
        .replaceWithVoid();
  }

  private static Optional<StoredBlueprint> first(RowSet<Row> rows) {
    return rows.iterator().hasNext()
        ? Optional.of(toRecord(rows.iterator().next()))
        : Optional.empty();
  }

  private static List<StoredBlueprint> all(RowSet<Row> rows) {
    List<StoredBlueprint> all = new ArrayList<>();
    rows.forEach(row -> all.add(toRecord(row)));
    return all;
  }

  private static StoredBlueprint toRecord(Row row) {
    List<Violation> errors = JsonColumns.read(row.getString("errors"), VIOLATIONS);
    return new StoredBlueprint(
        row.getUUID("id"),
        row.getString("org_id"),
        row.getLong("revision"),
        row.getString("version_lock"),
        BlueprintStatus.fromWireName(row.getString("status")),
        JsonColumns.tree(row.getString("document")),
        JsonColumns.read(row.getString("plan"), ExecutionPlan.class),
        errors,
        row.getBoolean("forbidden"),
        JsonColumns.instant(row.getOffsetDateTime("created_at")),
        JsonColumns.instant(row.getOffsetDateTime("updated_at")));
  }
}
