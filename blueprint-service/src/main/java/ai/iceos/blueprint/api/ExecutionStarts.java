package ai.iceos.blueprint.api;

import ai.iceos.blueprint.BlueprintServiceConfig;
import ai.iceos.blueprint.execution.ExecutionStatus;
import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.blueprint.execution.InputsValidator;
import ai.iceos.blueprint.execution.StartExecutionRequest;
import ai.iceos.blueprint.messaging.RunCommandPublisher;
import ai.iceos.blueprint.store.BlueprintStatus;
import ai.iceos.blueprint.store.BlueprintStore;
import ai.iceos.blueprint.store.ExecutionStore;
import ai.iceos.blueprint.store.PolicyStore;
import ai.iceos.blueprint.store.StoredBlueprint;
import ai.iceos.blueprint.store.StoredExecution;
import ai.iceos.blueprint.store.WorkflowPlans;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PinnedPlan;
import ai.iceos.contracts.policy.OrgPolicy;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starting an execution: pick the revision, check it, store the execution, then send StartRun. A
 * retried start with the same idempotency key returns the stored execution (and re-sends its
 * StartRun while nothing has happened yet, which the scheduler treats as a no-op).
 */
@ApplicationScoped
class ExecutionStarts {
  private final BlueprintStore blueprints;
  private final ExecutionStore executions;
  private final PolicyStore policies;
  private final RunCommandPublisher commands;
  private final BlueprintServiceConfig config;
  private final InstantSource clock;
  private final WorkflowPlans workflows;

  ExecutionStarts(
      BlueprintStore blueprints,
      ExecutionStore executions,
      PolicyStore policies,
      RunCommandPublisher commands,
      BlueprintServiceConfig config,
      InstantSource clock,
      WorkflowPlans workflows) {
    this.workflows = workflows;
    this.blueprints = blueprints;
    this.executions = executions;
    this.policies = policies;
    this.commands = commands;
    this.config = config;
    this.clock = clock;
  }

  Uni<StoredExecution> start(String org, StartExecutionRequest request, String idempotencyKey) {
    if (idempotencyKey == null) {
      return startNew(org, request, null);
    }
    return executions
        .byIdempotencyKey(org, idempotencyKey)
        .chain(
            existing ->
                existing.isPresent()
                    ? resendIfPending(existing.get())
                    : startNew(org, request, idempotencyKey));
  }

  private Uni<StoredExecution> startNew(
      String org, StartExecutionRequest request, String idempotencyKey) {
    UUID blueprintId =
        Ids.parse(request.blueprintId())
            .orElseThrow(() -> Ids.notFound("blueprint", request.blueprintId()));
    return Uni.combine()
        .all()
        .unis(revision(org, blueprintId, request.versionLock()), policies.of(org))
        .asTuple()
        .chain(
            found -> {
              StoredBlueprint blueprint = found.getItem1();
              ExecutionPlan plan = runnablePlan(blueprint, request, found.getItem2());
              return workflows
                  .resolve(org, plan)
                  .map(ExecutionStarts::requireResolved)
                  .chain(
                      resolved ->
                          executions
                              .create(newExecution(org, blueprint, plan, request), idempotencyKey)
                              .invoke(
                                  stored ->
                                      Log.infof(
                                          "Execution %s of blueprint %s revision %d pending",
                                          stored.id(), stored.blueprintId(), stored.revision()))
                              .chain(stored -> send(stored, plan, resolved)));
            });
  }

  /**
   * Every workflow the plan references (transitively) must resolve to a compiled revision, or
   * nothing starts (decision 0114).
   */
  private static Map<String, PinnedPlan> requireResolved(WorkflowPlans.Resolution resolution) {
    if (!resolution.problems().isEmpty()) {
      throw new ProblemException(
          ProblemType.WORKFLOW_UNRESOLVED,
          "The blueprint's workflow nodes reference workflows that cannot run: "
              + String.join("; ", resolution.problems())
              + ".");
    }
    return resolution.plans();
  }

  private Uni<StoredBlueprint> revision(String org, UUID id, String versionLock) {
    return blueprints
        .find(org, id)
        .map(found -> found.orElseThrow(() -> Ids.notFound("blueprint", id.toString())))
        .chain(
            current ->
                versionLock == null || versionLock.equals(current.versionLock())
                    ? Uni.createFrom().item(current)
                    : blueprints
                        .findRevision(org, id, versionLock)
                        .map(
                            found ->
                                found.orElseThrow(
                                    () ->
                                        new ProblemException(
                                            ProblemType.VERSION_CONFLICT,
                                            "Blueprint "
                                                + id
                                                + " has no revision with version_lock '"
                                                + versionLock
                                                + "'."))));
  }

  /**
   * The plan to run, once the revision is compiled, the inputs valid and the estimate within the
   * tightest budget that applies (the request's, the blueprint's {@code limits.budget_usd}, the
   * org's).
   */
  private static ExecutionPlan runnablePlan(
      StoredBlueprint blueprint, StartExecutionRequest req, OrgPolicy policy) {
    if (blueprint.status() != BlueprintStatus.COMPILED || blueprint.plan() == null) {
      throw new ProblemException(
          ProblemType.NOT_COMPILED,
          "Blueprint "
              + blueprint.id()
              + " is "
              + blueprint.status().wireName()
              + "; only a compiled blueprint can run.");
    }
    ExecutionPlan plan = blueprint.plan();
    List<Violation> problems = InputsValidator.validate(plan.inputsSchema(), req.inputs());
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(ProblemType.INVALID_INPUTS, problems);
    }
    Budgets.requireWithin(
        plan, req.options().budgetUsd(), plan.limits().budgetUsd(), policy.budgetUsd());
    return plan;
  }

  private StoredExecution newExecution(
      String org, StoredBlueprint blueprint, ExecutionPlan plan, StartExecutionRequest request) {
    UUID id = UUID.randomUUID();
    ExecutionView view =
        ExecutionView.initial(
            id.toString(),
            blueprint.id().toString(),
            blueprint.versionLock(),
            request.inputs(),
            plan,
            clock.instant());
    return new StoredExecution(
        id,
        org,
        blueprint.id(),
        blueprint.revision(),
        blueprint.versionLock(),
        request.inputs(),
        request.options(),
        view);
  }

  private Uni<StoredExecution> resendIfPending(StoredExecution existing) {
    if (existing.view().status() != ExecutionStatus.PENDING) {
      return Uni.createFrom().item(existing);
    }
    return blueprints
        .plan(existing.blueprintId(), existing.revision())
        .chain(
            plan -> plan.isEmpty() ? Uni.createFrom().item(existing) : send(existing, plan.get()));
  }

  private Uni<StoredExecution> send(StoredExecution execution, ExecutionPlan plan) {
    return workflows
        .resolve(execution.orgId(), plan)
        .chain(resolution -> send(execution, plan, resolution.plans()));
  }

  /** Sent after the row is committed; if it fails, the overdue re-sender tries again. */
  private Uni<StoredExecution> send(
      StoredExecution execution, ExecutionPlan plan, Map<String, PinnedPlan> resolved) {
    return commands
        .start(execution, plan, resolved)
        .ifNoItem()
        .after(config.sendTimeout())
        .fail()
        .onFailure()
        .invoke(
            e ->
                Log.warnf(
                    "StartRun of execution %s not sent yet: %s", execution.id(), e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWith(execution);
  }
}
