package ai.iceos.blueprint.messaging;

import ai.iceos.blueprint.document.WorkflowRefs;
import ai.iceos.blueprint.store.BlueprintRefs;
import ai.iceos.blueprint.store.PolicyStore;
import ai.iceos.blueprint.store.StoredBlueprint;
import ai.iceos.contracts.messaging.BlueprintCommand;
import ai.iceos.contracts.messaging.CompileBlueprint;
import ai.iceos.contracts.policy.OrgPolicy;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Asks compiler-service to compile a stored revision, with the org's policy and the workflow
 * references that resolve to the org's blueprints; keyed by blueprint id.
 */
@ApplicationScoped
public class BlueprintCommandPublisher {
  private final MutinyEmitter<Record<String, BlueprintCommand>> emitter;
  private final PolicyStore policies;
  private final BlueprintRefs refs;
  private final InstantSource clock;

  BlueprintCommandPublisher(
      @Channel(Channels.BLUEPRINT_COMMANDS) MutinyEmitter<Record<String, BlueprintCommand>> emitter,
      PolicyStore policies,
      BlueprintRefs refs,
      InstantSource clock) {
    this.emitter = emitter;
    this.policies = policies;
    this.refs = refs;
    this.clock = clock;
  }

  /** Completes when the broker has acknowledged the command. */
  public Uni<Void> compile(StoredBlueprint blueprint) {
    return Uni.combine()
        .all()
        .unis(
            policies.of(blueprint.orgId()),
            refs.known(blueprint.orgId(), WorkflowRefs.in(blueprint.document())))
        .with((policy, known) -> command(blueprint, policy, known))
        .chain(command -> emitter.send(Record.of(command.blueprintId(), command)));
  }

  private CompileBlueprint command(
      StoredBlueprint blueprint, OrgPolicy policy, List<String> known) {
    return new CompileBlueprint(
        UUID.randomUUID(),
        blueprint.id().toString(),
        blueprint.orgId(),
        blueprint.revision(),
        blueprint.document(),
        policy,
        known,
        clock.instant());
  }
}
