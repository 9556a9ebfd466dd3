package ai.iceos.worker.swarm;

import ai.iceos.contracts.blueprint.CoordinationStrategy;
import ai.iceos.contracts.blueprint.SwarmNodeSpec;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.worker.node.NodeResult;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Coordinates a {@code swarm} node's members with its strategy (SPEC §2.6) for at most {@code
 * max_rounds} and shapes the output: {@code {strategy, result, rounds, agents: [{role, package}],
 * <the strategy's fields>, transcript: [{round, role, phase, message}]}}. Usage is the sum of every
 * agent run, also on failure.
 */
public final class Swarm {
  public static final int DEFAULT_MAX_ROUNDS = 10;
  public static final double DEFAULT_CONSENSUS_THRESHOLD = 0.75;

  private Swarm() {}

  /**
   * @param members the node's agents, resolved, in the node's order
   * @param task the task every member is given (the node's scope as JSON text)
   */
  public static Uni<NodeResult> coordinate(
      SwarmNodeSpec node, List<SwarmMember> members, String task, AgentTurns turns) {
    int maxRounds = node.maxRounds() == null ? DEFAULT_MAX_ROUNDS : node.maxRounds();
    SwarmRun run = new SwarmRun(task, members, Math.max(1, maxRounds), turns);
    SwarmStrategy strategy = strategyOf(node);
    return Uni.createFrom()
        .deferred(() -> strategy.run(run))
        .map(outcome -> new NodeResult(output(strategy, run, outcome), run.usage()))
        .onFailure()
        .transform(run::failed);
  }

  static SwarmStrategy strategyOf(SwarmNodeSpec node) {
    CoordinationStrategy strategy =
        node.coordinationStrategy() == null
            ? CoordinationStrategy.CONSENSUS
            : node.coordinationStrategy();
    return switch (strategy) {
      case CONSENSUS ->
          new Consensus(
              node.consensusThreshold() == null
                  ? DEFAULT_CONSENSUS_THRESHOLD
                  : node.consensusThreshold());
      case HIERARCHICAL -> new Hierarchical();
      case MARKETPLACE -> new Marketplace();
    };
  }

  private static ObjectNode output(SwarmStrategy strategy, SwarmRun run, SwarmOutcome outcome) {
    ObjectNode output = IceosJson.mapper().createObjectNode();
    output.put("strategy", strategy.name());
    output.put("result", outcome.result());
    output.put("rounds", outcome.rounds());
    ArrayNode agents = output.putArray("agents");
    run.members()
        .forEach(
            member ->
                agents
                    .addObject()
                    .put("role", member.role())
                    .put("package", member.agentPackage()));
    output.setAll(outcome.details());
    output.set("transcript", run.transcript());
    return output;
  }
}
