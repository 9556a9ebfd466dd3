package ai.iceos.scheduler.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Outbox rows this instance committed, on their way to Kafka, so that they are sent from memory
 * right after their commit (no read of the outbox table) and deleted in batches once acknowledged.
 * The store adds an execution's rows in commit order; the relay takes them in the same order. A row
 * stays <em>outstanding</em> (not to be sent again by the periodic relay) from its commit until its
 * deletion, or until its send failed.
 */
@ApplicationScoped
public class CommittedOutbox {
  private final Queue<OutboxRow> toSend = new ConcurrentLinkedQueue<>();
  private final Queue<Long> toDelete = new ConcurrentLinkedQueue<>();
  private final Set<Long> outstanding = ConcurrentHashMap.newKeySet();

  /** Called right after the transaction that wrote the rows committed. */
  void add(List<OutboxRow> rows) {
    rows.forEach(row -> outstanding.add(row.id()));
    toSend.addAll(rows);
  }

  /** Marks rows read back from the table as being sent (the periodic relay's leftovers). */
  public List<OutboxRow> claim(List<OutboxRow> rows) {
    return rows.stream().filter(row -> outstanding.add(row.id())).toList();
  }

  /** The next committed row to send, or null. */
  public OutboxRow next() {
    return toSend.poll();
  }

  /** Kafka acknowledged the row: delete it with the next batch. */
  public void sent(long id) {
    toDelete.add(id);
  }

  /** The send failed: the periodic relay sends the row again. */
  public void unsent(long id) {
    outstanding.remove(id);
  }

  /** Takes up to {@code limit} acknowledged row ids to delete. */
  public List<Long> deletable(int limit) {
    List<Long> ids = new ArrayList<>();
    for (Long id; ids.size() < limit && (id = toDelete.poll()) != null; ) {
      ids.add(id);
    }
    return ids;
  }

  /** The rows are deleted: nothing more to track. */
  public void deleted(Collection<Long> ids) {
    outstanding.removeAll(ids);
  }

  /** Deleting failed: try again with the next batch. */
  public void notDeleted(Collection<Long> ids) {
    toDelete.addAll(ids);
  }
}
