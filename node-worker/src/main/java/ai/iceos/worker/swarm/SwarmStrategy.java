package ai.iceos.worker.swarm;

import io.smallrye.mutiny.Uni;

/** How a swarm's members cooperate (SPEC §2.6), one implementation per coordination strategy. */
sealed interface SwarmStrategy permits Consensus, Hierarchical, Marketplace {
  /** The wire name reported as the output's {@code strategy}. */
  String name();

  Uni<SwarmOutcome> run(SwarmRun run);
}
