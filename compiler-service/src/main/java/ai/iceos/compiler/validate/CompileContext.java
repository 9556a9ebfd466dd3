package ai.iceos.compiler.validate;

import ai.iceos.compiler.catalog.Catalogs;
import ai.iceos.contracts.policy.OrgPolicy;
import java.util.List;
import java.util.Objects;

/**
 * What a blueprint is checked against besides itself.
 *
 * @param policy the org's policy (allowed and denied tools, agents and models)
 * @param knownWorkflowRefs the {@code workflow_ref} values that resolve to a stored blueprint; an
 *     empty list means they were not resolved (the request did not carry them) and references are
 *     not checked
 * @param catalogs the tools, agents and models the system offers
 */
public record CompileContext(OrgPolicy policy, List<String> knownWorkflowRefs, Catalogs catalogs) {
  public CompileContext {
    Objects.requireNonNull(policy, "policy");
    knownWorkflowRefs = List.copyOf(knownWorkflowRefs);
    Objects.requireNonNull(catalogs, "catalogs");
  }

  /** The default policy, no workflow references resolved, no catalog known. */
  public static CompileContext standalone() {
    return new CompileContext(OrgPolicy.defaults(), List.of(), Catalogs.unknown());
  }

  public CompileContext withCatalogs(Catalogs catalogs) {
    return new CompileContext(policy, knownWorkflowRefs, catalogs);
  }
}
