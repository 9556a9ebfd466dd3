package ai.iceos.scheduler.messaging;

import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.scheduler.store.RunStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Applies workers' reports ({@code iceos.node-outcomes.v1}, keyed by execution id). A duplicate or
 * stale outcome changes nothing and sends nothing.
 */
@ApplicationScoped
class NodeOutcomeHandler {
  private final RunStore runs;
  private final OutboxRelay relay;

  NodeOutcomeHandler(RunStore runs, OutboxRelay relay) {
    this.runs = runs;
    this.relay = relay;
  }

  /** Completes once the outcome is stored and its follow-ups are handed to Kafka. */
  @Incoming(Channels.NODE_OUTCOMES)
  Uni<Void> on(NodeOutcome outcome) {
    return runs.apply(outcome).chain(this::publishIfWritten);
  }

  private Uni<Void> publishIfWritten(boolean written) {
    return written ? relay.publishPending() : Uni.createFrom().voidItem();
  }
}
