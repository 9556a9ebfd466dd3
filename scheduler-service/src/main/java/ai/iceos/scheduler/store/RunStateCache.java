package ai.iceos.scheduler.store;

import ai.iceos.scheduler.run.RunState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last committed state of the executions this instance changed, with its version, so that a
 * message is applied without reading the run back. Correctness never depends on it: every write
 * checks the version, and a write that finds another version (another instance took the partition
 * over, or this entry is stale) drops the entry and is retried from the table. Least recently used
 * entries go first; finished executions are not kept.
 */
final class RunStateCache {
  private static final int MAX_ENTRIES = 10_000;

  /** A committed state and the version it was stored with. */
  record Cached(long version, RunState state) {}

  private final Map<String, Cached> entries =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  synchronized Cached get(String executionId) {
    return entries.get(executionId);
  }

  synchronized void put(String executionId, Cached entry) {
    if (entry.state().status().isTerminal()) {
      entries.remove(executionId);
    } else {
      entries.put(executionId, entry);
    }
  }

  synchronized void remove(String executionId) {
    entries.remove(executionId);
  }
}
