package ai.iceos.worker.node;

import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.messaging.NodeTask;
import io.smallrye.mutiny.Uni;

/**
 * Runs one attempt of one kind of node. An expected failure is a {@link NodeFailureException};
 * anything else that goes wrong is classified by {@link FailureClassifier}. The returned {@code
 * Uni} must not block and must stop its work when cancelled (the deadline cancels it).
 */
public sealed interface NodeExecutor<S extends NodeSpec>
    permits ToolNodeExecutor,
        LlmNodeExecutor,
        CodeNodeExecutor,
        AgentNodeExecutor,
        SwarmNodeExecutor {
  Uni<NodeResult> execute(S node, NodeTask task);
}
