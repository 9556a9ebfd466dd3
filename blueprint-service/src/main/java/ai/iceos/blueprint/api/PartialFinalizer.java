package ai.iceos.blueprint.api;

import ai.iceos.blueprint.partial.PartialValidator;
import ai.iceos.blueprint.store.BlueprintStatus;
import ai.iceos.blueprint.store.BlueprintStore;
import ai.iceos.blueprint.store.PolicyStore;
import ai.iceos.blueprint.store.StoredBlueprint;
import ai.iceos.blueprint.store.StoredPartial;
import ai.iceos.contracts.blueprint.Violation;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Turns a complete partial blueprint into a stored, compiled blueprint: 400 when it has no node or
 * is incomplete, 422 (403) when the compiler rejects it, 402 when its estimate exceeds the org's
 * budget; nothing is kept in those cases. The partial itself stays.
 */
@ApplicationScoped
class PartialFinalizer {
  private final BlueprintCompiles compiles;
  private final BlueprintStore blueprints;
  private final PolicyStore policies;

  PartialFinalizer(BlueprintCompiles compiles, BlueprintStore blueprints, PolicyStore policies) {
    this.compiles = compiles;
    this.blueprints = blueprints;
    this.policies = policies;
  }

  Uni<RestResponse<BlueprintCreated>> finalizePartial(StoredPartial partial) {
    if (partial.nodes().isEmpty()) {
      throw new ProblemException(ProblemType.BAD_REQUEST, "The partial blueprint has no node yet.");
    }
    List<Violation> errors = PartialValidator.validate(partial.nodes());
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.BAD_REQUEST,
          "The partial blueprint is incomplete: " + errors.get(0).detail() + ".",
          errors);
    }
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.putObject("metadata").put("draft_name", "partial " + partial.id());
    document.set("nodes", partial.nodes());
    return compiles
        .createCompiled(partial.orgId(), document)
        .call(this::requireWithinOrgBudget)
        .map(blueprint -> BlueprintAnswers.written(blueprint, RestResponse.Status.CREATED));
  }

  private Uni<Void> requireWithinOrgBudget(StoredBlueprint blueprint) {
    if (blueprint.status() != BlueprintStatus.COMPILED) {
      return Uni.createFrom().voidItem();
    }
    return policies
        .of(blueprint.orgId())
        .chain(
            policy -> {
              try {
                Budgets.requireWithin(blueprint.plan(), policy.budgetUsd());
                return Uni.createFrom().voidItem();
              } catch (ProblemException overBudget) {
                return blueprints
                    .delete(blueprint.id())
                    .chain(() -> Uni.createFrom().failure(overBudget));
              }
            });
  }
}
