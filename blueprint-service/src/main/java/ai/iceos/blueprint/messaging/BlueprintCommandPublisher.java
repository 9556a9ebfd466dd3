package ai.iceos.blueprint.messaging;

import ai.iceos.blueprint.store.StoredBlueprint;
import ai.iceos.contracts.messaging.BlueprintCommand;
import ai.iceos.contracts.messaging.CompileBlueprint;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Asks compiler-service to compile a stored revision; keyed by blueprint id. */
@ApplicationScoped
public class BlueprintCommandPublisher {
  private final MutinyEmitter<Record<String, BlueprintCommand>> emitter;
  private final InstantSource clock;

  BlueprintCommandPublisher(
      @Channel(Channels.BLUEPRINT_COMMANDS) MutinyEmitter<Record<String, BlueprintCommand>> emitter,
      InstantSource clock) {
    this.emitter = emitter;
    this.clock = clock;
  }

  /** Completes when the broker has acknowledged the command. */
  public Uni<Void> compile(StoredBlueprint blueprint) {
    String key = blueprint.id().toString();
    CompileBlueprint command =
        new CompileBlueprint(
            UUID.randomUUID(),
            key,
            blueprint.orgId(),
            blueprint.revision(),
            blueprint.document(),
            clock.instant());
    return emitter.send(Record.of(key, command));
  }
}
