package ai.iceos.worker.swarm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What a strategy decided.
 *
 * @param rounds rounds held, 1..max_rounds
 * @param details the strategy's own output fields
 */
record SwarmOutcome(String result, int rounds, ObjectNode details) {
  SwarmOutcome {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(details, "details");
  }
}
