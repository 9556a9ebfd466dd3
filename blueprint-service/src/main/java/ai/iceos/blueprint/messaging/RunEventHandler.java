package ai.iceos.blueprint.messaging;

import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.blueprint.store.ExecutionStore;
import ai.iceos.blueprint.waiting.WaitKeys;
import ai.iceos.blueprint.waiting.Wakeups;
import ai.iceos.contracts.messaging.RunEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Stores each run event and folds it into the execution view. */
@ApplicationScoped
class RunEventHandler {
  private final ExecutionStore executions;
  private final Wakeups wakeups;

  RunEventHandler(ExecutionStore executions, Wakeups wakeups) {
    this.executions = executions;
    this.wakeups = wakeups;
  }

  /** Acked only after the event and the new view are committed. */
  @Incoming(Channels.RUN_EVENTS)
  Uni<Void> on(RunEvent event) {
    return executions.append(event).invoke(view -> announce(event, view)).replaceWithVoid();
  }

  private void announce(RunEvent event, Optional<ExecutionView> view) {
    if (view.isEmpty()) {
      Log.debugf("Event %d of unknown execution %s ignored", event.sequence(), event.executionId());
      return;
    }
    if (event.eventType().isTerminal() && view.get().status().isTerminal()) {
      Log.infof("Execution %s %s", event.executionId(), view.get().status().wireName());
    }
    wakeups.wake(WaitKeys.execution(event.executionId()));
  }
}
