package ai.iceos.blueprint.api;

import ai.iceos.blueprint.BlueprintServiceConfig;
import ai.iceos.blueprint.execution.ExecutionStatus;
import ai.iceos.blueprint.execution.ExecutionView;
import ai.iceos.blueprint.execution.InputsValidator;
import ai.iceos.blueprint.execution.StartExecutionRequest;
import ai.iceos.blueprint.messaging.RunCommandPublisher;
import ai.iceos.blueprint.store.BlueprintStatus;
import ai.iceos.blueprint.store.CompiledRevisions;
import ai.iceos.blueprint.store.CompiledRevisions.CompiledPlan;
import ai.iceos.blueprint.store.ExecutionStore;
import ai.iceos.blueprint.store.StartLookups;
import ai.iceos.blueprint.store.StartLookups.Found;
import ai.iceos.blueprint.store.StartLookups.NoBlueprint;
import ai.iceos.blueprint.store.StartLookups.NoRevision;
import ai.iceos.blueprint.store.StartLookups.StartLookup;
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
  private final StartLookups lookups;
  private final CompiledRevisions revisions;
  private final ExecutionStore executions;
  private final RunCommandPublisher commands;
  private final BlueprintServiceConfig config;
  private final InstantSource clock;
  private final WorkflowPlans workflows;

  ExecutionStarts(
      StartLookups lookups,
      CompiledRevisions revisions,
      ExecutionStore executions,
      RunCommandPublisher commands,
      BlueprintServiceConfig config,
      InstantSource clock,
      WorkflowPlans workflows) {
    this.lookups = lookups;
    this.revisions = revisions;
    this.executions = executions;
    this.commands = commands;
    this.config = config;
    this.clock = clock;
    this.workflows = workflows;
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

  /** The revision to run and its plan, once checked (decision 0123: no document is read). */
  private record Runnable(Found revision, CompiledPlan compiled) {}

  private Uni<StoredExecution> startNew(
      String org, StartExecutionRequest request, String idempotencyKey) {
    UUID blueprintId =
        Ids.parse(request.blueprintId())
            .orElseThrow(() -> Ids.notFound("blueprint", request.blueprintId()));
    return lookups
        .find(org, blueprintId, request.versionLock())
        .chain(found -> runnable(found, blueprintId, request))
        .chain(
            run ->
                workflows
                    .resolve(org, run.compiled().workflowRefs())
                    .map(ExecutionStarts::requireResolved)
                    .chain(resolved -> store(org, run, request, idempotencyKey, resolved)));
  }

  private Uni<StoredExecution> store(
      String org,
      Runnable run,
      StartExecutionRequest request,
      String idempotencyKey,
      Map<String, PinnedPlan> resolved) {
    ExecutionPlan plan = run.compiled().plan();
    return executions
        .create(newExecution(org, run.revision(), plan, request), idempotencyKey)
        .invoke(
            stored ->
                Log.infof(
                    "Execution %s of blueprint %s revision %d pending",
                    stored.id(), stored.blueprintId(), stored.revision()))
        .chain(stored -> send(stored, plan, resolved));
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

  /**
   * The plan to run, once the revision is compiled, the inputs valid and the estimate within the
   * tightest budget that applies (the request's, the blueprint's {@code limits.budget_usd}, the
   * org's).
   */
  private Uni<Runnable> runnable(StartLookup lookup, UUID id, StartExecutionRequest req) {
    Found found =
        switch (lookup) {
          case NoBlueprint none -> throw Ids.notFound("blueprint", id.toString());
          case NoRevision none ->
              throw new ProblemException(
                  ProblemType.VERSION_CONFLICT,
                  "Blueprint "
                      + id
                      + " has no revision with version_lock '"
                      + req.versionLock()
                      + "'.");
          case Found revision -> revision;
        };
    if (found.status() != BlueprintStatus.COMPILED) {
      throw notCompiled(found);
    }
    return revisions
        .of(id, found.revision())
        .map(compiled -> new Runnable(found, compiled.orElseThrow(() -> notCompiled(found))))
        .invoke(run -> requireRunnable(run.compiled().plan(), req, found.policy()));
  }

  private static ProblemException notCompiled(Found found) {
    return new ProblemException(
        ProblemType.NOT_COMPILED,
        "Blueprint "
            + found.blueprintId()
            + " is "
            + found.status().wireName()
            + "; only a compiled blueprint can run.");
  }

  private static void requireRunnable(
      ExecutionPlan plan, StartExecutionRequest req, OrgPolicy policy) {
    List<Violation> problems = InputsValidator.validate(plan.inputsSchema(), req.inputs());
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(ProblemType.INVALID_INPUTS, problems);
    }
    Budgets.requireWithin(
        plan, req.options().budgetUsd(), plan.limits().budgetUsd(), policy.budgetUsd());
  }

  private StoredExecution newExecution(
      String org, Found revision, ExecutionPlan plan, StartExecutionRequest request) {
    UUID id = UUID.randomUUID();
    ExecutionView view =
        ExecutionView.initial(
            id.toString(),
            revision.blueprintId().toString(),
            revision.versionLock(),
            request.inputs(),
            plan,
            clock.instant());
    return new StoredExecution(
        id,
        org,
        revision.blueprintId(),
        revision.revision(),
        revision.versionLock(),
        request.inputs(),
        request.options(),
        view);
  }

  private Uni<StoredExecution> resendIfPending(StoredExecution existing) {
    if (existing.view().status() != ExecutionStatus.PENDING) {
      return Uni.createFrom().item(existing);
    }
    return revisions
        .of(existing.blueprintId(), existing.revision())
        .chain(
            plan -> plan.isEmpty() ? Uni.createFrom().item(existing) : send(existing, plan.get()));
  }

  private Uni<StoredExecution> send(StoredExecution execution, CompiledPlan compiled) {
    return workflows
        .resolve(execution.orgId(), compiled.workflowRefs())
        .chain(resolution -> send(execution, compiled.plan(), resolution.plans()));
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
