package ai.iceos.compiler.compile;

import ai.iceos.contracts.blueprint.BackoffStrategy;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.RetryPolicy;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.contracts.plan.SubGraph;
import java.util.List;

/**
 * Resolves a node's defaults into its {@link PlannedNode} (SPEC §1.2): a 30 s per-attempt timeout;
 * {@code retry_policy} when given, else the legacy {@code retries} r as r + 1 attempts with a fixed
 * {@code backoff_seconds} wait (default 0); caching unless the node or the blueprint turns it off.
 */
final class NodeDefaults {
  static final int DEFAULT_TIMEOUT_SECONDS = 30;

  private NodeDefaults() {}

  static PlannedNode plan(
      NodeSpec node, int level, boolean blueprintCache, List<SubGraph> subGraphs) {
    int timeoutSeconds =
        node.timeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS : node.timeoutSeconds();
    boolean useCache = (node.useCache() == null || node.useCache()) && blueprintCache;
    return new PlannedNode(node, level, timeoutSeconds * 1000L, retry(node), useCache, subGraphs);
  }

  static RetryPolicy retry(NodeSpec node) {
    if (node.retryPolicy() != null) {
      return node.retryPolicy();
    }
    int retries = node.retries() == null ? 0 : node.retries();
    double backoff = node.backoffSeconds() == null ? 0 : node.backoffSeconds();
    return new RetryPolicy(retries + 1, BackoffStrategy.FIXED, backoff);
  }
}
