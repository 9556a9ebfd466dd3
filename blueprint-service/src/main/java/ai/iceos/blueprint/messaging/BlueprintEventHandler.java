package ai.iceos.blueprint.messaging;

import ai.iceos.blueprint.store.BlueprintStore;
import ai.iceos.blueprint.waiting.WaitKeys;
import ai.iceos.blueprint.waiting.Wakeups;
import ai.iceos.contracts.messaging.BlueprintEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies compiler verdicts to stored blueprints, then wakes a create waiting here. */
@ApplicationScoped
class BlueprintEventHandler {
  private final BlueprintStore blueprints;
  private final Wakeups wakeups;

  BlueprintEventHandler(BlueprintStore blueprints, Wakeups wakeups) {
    this.blueprints = blueprints;
    this.wakeups = wakeups;
  }

  /** Acked only after the verdict is stored; a stale or repeated verdict changes nothing. */
  @Incoming(Channels.BLUEPRINT_EVENTS)
  Uni<Void> on(BlueprintEvent verdict) {
    return blueprints
        .applyVerdict(verdict)
        .invoke(applied -> announce(verdict, applied))
        .replaceWithVoid();
  }

  private void announce(BlueprintEvent verdict, boolean applied) {
    if (applied) {
      Log.infof(
          "Blueprint %s revision %d: %s",
          verdict.blueprintId(), verdict.revision(), verdict.getClass().getSimpleName());
      wakeups.wake(WaitKeys.blueprint(verdict.blueprintId()));
    } else {
      Log.debugf(
          "Ignored verdict %s for blueprint %s revision %d",
          verdict.messageId(), verdict.blueprintId(), verdict.revision());
    }
  }
}
