package ai.iceos.scheduler.store;

import java.util.List;

/**
 * Takes the outbox rows of a transaction right after it committed, in commit order for one
 * execution, to send them without reading them back (decision 0119). Rows it cannot send stay in
 * the table for the relay's sweep.
 */
public interface CommittedRows {
  void committed(List<OutboxRow> rows);
}
