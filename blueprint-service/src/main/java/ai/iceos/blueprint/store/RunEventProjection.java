package ai.iceos.blueprint.store;

import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.blueprint.execution.ExecutionViewProjector;
import ai.iceos.blueprint.execution.NestedNodes;
import ai.iceos.blueprint.store.FoldedViews.Folded;
import ai.iceos.contracts.messaging.RunEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stores run events and folds them into the execution view (decisions 0118, 0123). The events of
 * one execution in a poll are applied in one transaction on the reactive pool: one multi-row insert
 * (a duplicate is ignored), the execution row locked, the stored events after the last applied one
 * that this batch does not carry, and one write of the view. The fold applies only the events next
 * in sequence, so an event that arrives early waits for the gap to fill; a sequence stored before
 * with other content (another message) is folded as stored.
 *
 * <p>The view last written by this replica is kept in memory with its {@code last_sequence}: the
 * row is locked and its {@code last_sequence} compared, and the stored view is read and parsed only
 * when another writer has folded since. A batch that holds exactly the events next after that view
 * (the common case) needs no transaction: it is folded first and stored with its view in one
 * statement that writes the view only if the row is still as this replica left it (decision 0124).
 */
@ApplicationScoped
public class RunEventProjection {
  private final Pool pool;
  private final CompiledRevisions plans;
  private final FoldedViews views;

  /**
   * A locked execution row; {@code view} is null when it is the one this replica last wrote; {@code
   * eventsAhead}: stored events wait beyond {@code lastSequence} for a gap to fill.
   */
  private record Locked(
      long lastSequence,
      ExecutionView view,
      UUID blueprintId,
      long revision,
      boolean eventsAhead) {}

  RunEventProjection(Pool pool, CompiledRevisions plans, FoldedViews views) {
    this.pool = pool;
    this.plans = plans;
    this.views = views;
  }

  /**
   * Stores the event (a duplicate is ignored) and folds every stored event that is next in sequence
   * into the view, so an event that arrives early waits for the gap to fill.
   *
   * @return the view after this call, or empty when the execution is unknown
   */
  public Uni<Optional<ExecutionView>> append(RunEvent event) {
    return appendAll(List.of(event));
  }

  /**
   * {@link #append} for several events of one execution in one transaction.
   *
   * @param events events of one execution, in the order received
   * @return the view after this call, or empty when the execution is unknown
   */
  public Uni<Optional<ExecutionView>> appendAll(List<RunEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    Optional<UUID> id = RunEventRows.executionId(events.getFirst());
    if (id.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    if (events.stream().anyMatch(e -> !e.executionId().equals(events.getFirst().executionId()))) {
      throw new IllegalArgumentException("events of more than one execution");
    }
    TreeMap<Long, RunEvent> batch = new TreeMap<>();
    events.forEach(event -> batch.putIfAbsent(event.sequence(), event));
    Folded cached = views.lastWritten(id.get());
    Uni<Optional<Folded>> applied =
        follows(batch, cached)
            ? inOneStatement(id.get(), cached, batch)
            : inTransaction(id.get(), batch);
    return applied
        .invoke(folded -> folded.ifPresent(f -> views.written(id.get(), f)))
        .map(folded -> folded.map(Folded::view));
  }

  /** Whether the batch holds exactly the events next after the view this replica last wrote. */
  private static boolean follows(TreeMap<Long, RunEvent> batch, Folded cached) {
    return cached != null
        && batch.firstKey() == cached.lastSequence() + 1
        && batch.lastKey() == cached.lastSequence() + batch.size();
  }

  /**
   * The common case (decision 0124): the batch continues the view this replica last wrote, so it is
   * folded before anything is written, and the events and the view are stored in one statement that
   * writes the view only if the row is still as this replica left it. If not (another writer
   * folded, an event waits beyond the row's last sequence, or an event of the batch was stored
   * before), the events are stored and the batch is applied in a transaction as usual.
   */
  private Uni<Optional<Folded>> inOneStatement(
      UUID id, Folded cached, TreeMap<Long, RunEvent> batch) {
    List<RunEvent> next = List.copyOf(batch.values());
    return nestedNodes(cached.blueprintId(), cached.revision(), cached.view(), next)
        .map(nested -> foldInOrder(cached.view(), next, nested))
        .chain(
            view ->
                RunEventRows.insertAndFold(pool, id, next, cached.lastSequence(), view)
                    .chain(
                        written ->
                            written
                                ? Uni.createFrom()
                                    .item(
                                        Optional.of(
                                            new Folded(
                                                cached.lastSequence() + next.size(),
                                                view,
                                                cached.blueprintId(),
                                                cached.revision())))
                                : inTransaction(id, batch)));
  }

  private Uni<Optional<Folded>> inTransaction(UUID id, Map<Long, RunEvent> batch) {
    return pool.withTransaction(connection -> apply(connection, id, batch));
  }

  private Uni<Optional<Folded>> apply(
      SqlConnection connection, UUID id, Map<Long, RunEvent> batch) {
    Folded cached = views.lastWritten(id);
    Uni<Optional<Locked>> locked =
        RunEventRows.insertAndLock(connection, id, batch.values(), known(cached))
            .map(RunEventProjection::locked);
    Uni<Map<Long, RunEvent>> stored =
        RunEventRows.storedAfterApplied(connection, id, batch.values());
    return Uni.combine()
        .all()
        .unis(locked, stored)
        .asTuple()
        .chain(
            found ->
                found.getItem1().isPresent()
                    ? fold(connection, id, found.getItem1().get(), cached, batch, found.getItem2())
                    : asChild(connection, id, batch));
  }

  /** An unknown execution: created from its {@code workflow.started} if that is in the batch. */
  private Uni<Optional<Folded>> asChild(
      SqlConnection connection, UUID id, Map<Long, RunEvent> batch) {
    Optional<Tuple> child = ChildExecutions.row(id, batch.values());
    if (child.isEmpty()) {
      return Uni.createFrom().item(Optional.empty());
    }
    return ChildExecutions.insert(connection, child.get())
        .chain(() -> lock(connection, id, null))
        .chain(
            locked ->
                RunEventRows.storedAfterApplied(connection, id, batch.values())
                    .chain(
                        stored -> fold(connection, id, locked.orElseThrow(), null, batch, stored)));
  }

  private static Uni<Optional<Locked>> lock(SqlConnection connection, UUID id, Folded cached) {
    return connection
        .preparedQuery(ExecutionRows.LOCK)
        .execute(Tuple.of(id, known(cached)))
        .map(RunEventProjection::locked);
  }

  /** The {@code last_sequence} whose view this replica has, or -1 (no row has that). */
  private static long known(Folded cached) {
    return cached == null ? -1 : cached.lastSequence();
  }

  private static Optional<Locked> locked(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(locked(rows.iterator().next()));
  }

  private static Locked locked(Row row) {
    String view = row.getString(1);
    return new Locked(
        row.getLong(0),
        view == null ? null : JsonColumns.read(view, ExecutionView.class),
        row.getUUID(2),
        row.getLong(3),
        row.getBoolean(4));
  }

  private Uni<Optional<Folded>> fold(
      SqlConnection connection,
      UUID id,
      Locked row,
      Folded cached,
      Map<Long, RunEvent> batch,
      Map<Long, RunEvent> stored) {
    ExecutionView before = row.view() != null ? row.view() : cached.view();
    List<RunEvent> next = new ArrayList<>();
    for (long s = row.lastSequence() + 1; ; s++) {
      RunEvent event = stored.containsKey(s) ? stored.get(s) : batch.get(s);
      if (event == null) {
        break;
      }
      next.add(event);
    }
    long last = row.lastSequence() + next.size();
    boolean ahead =
        stored.keySet().stream().anyMatch(s -> s > last)
            || batch.keySet().stream().anyMatch(s -> s > last);
    if (next.isEmpty() && ahead == row.eventsAhead()) {
      return Uni.createFrom().item(Optional.of(folded(row, last, before)));
    }
    return nestedNodes(row.blueprintId(), row.revision(), before, next)
        .map(nested -> foldInOrder(before, next, nested))
        .chain(view -> write(connection, id, folded(row, last, view), ahead));
  }

  private static Folded folded(Locked row, long last, ExecutionView view) {
    return new Folded(last, view, row.blueprintId(), row.revision());
  }

  /**
   * The pinned plan's nodes, read only when an event names a node the view does not have yet (a
   * nested node, met under its path id), so that it gets its type and level.
   */
  private Uni<NestedNodes> nestedNodes(
      UUID blueprintId, long revision, ExecutionView view, List<RunEvent> events) {
    boolean unknown =
        events.stream().anyMatch(e -> e.nodeId() != null && !view.nodes().containsKey(e.nodeId()));
    if (!unknown) {
      return Uni.createFrom().item(NestedNodes.NONE);
    }
    return plans
        .of(blueprintId, revision)
        .map(plan -> plan.map(p -> NestedNodes.of(p.plan())).orElse(NestedNodes.NONE));
  }

  private static ExecutionView foldInOrder(
      ExecutionView before, List<RunEvent> events, NestedNodes nested) {
    ExecutionView view = before;
    for (RunEvent event : events) {
      view = ExecutionViewProjector.apply(view, event, nested);
    }
    return view;
  }

  /** Writes the fold; {@code ahead}: stored events wait beyond its last sequence. */
  private static Uni<Optional<Folded>> write(
      SqlConnection connection, UUID id, Folded folded, boolean ahead) {
    return connection
        .preparedQuery(ExecutionRows.FOLD)
        .execute(ExecutionRows.fold(id, folded.view(), folded.lastSequence(), ahead))
        .map(ignored -> Optional.of(folded));
  }
}
