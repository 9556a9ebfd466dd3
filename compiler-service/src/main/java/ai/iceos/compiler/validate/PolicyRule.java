package ai.iceos.compiler.validate;

import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.policy.OrgPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The org's policy: {@code forbidden-tool} and {@code forbidden-agent} for a tool or agent package
 * outside the org's allow list or on its deny list (a denial: the API answers 403 when these are
 * the only problems); {@code denied-model} for a model on the deny list ({@code gpt-3.5*} by
 * default), an ordinary 422 problem because the user fixes it by choosing another model.
 */
final class PolicyRule implements BlueprintRule {
  static final String FORBIDDEN_TOOL = "forbidden-tool";
  static final String FORBIDDEN_AGENT = "forbidden-agent";
  static final String DENIED_MODEL = "denied-model";

  /** The codes that make a rejection a 403. */
  static final Set<String> DENIALS = Set.of(FORBIDDEN_TOOL, FORBIDDEN_AGENT);

  @Override
  public List<Violation> check(BlueprintDocument document) {
    OrgPolicy policy = document.context().policy();
    List<Violation> out = new ArrayList<>();
    for (ResourceReference reference : ResourceReference.of(document)) {
      String name = reference.name();
      switch (reference.kind()) {
        case TOOL -> {
          if (!policy.allowsTool(name)) {
            out.add(denied(reference, FORBIDDEN_TOOL, "Tool"));
          }
        }
        case AGENT -> {
          if (!policy.allowsAgent(name)) {
            out.add(denied(reference, FORBIDDEN_AGENT, "Agent package"));
          }
        }
        case MODEL -> {
          if (!policy.allowsModel(name)) {
            out.add(denied(reference, DENIED_MODEL, "Model"));
          }
        }
        case WORKFLOW -> {
          // The policy says nothing about workflows.
        }
      }
    }
    return out;
  }

  private static Violation denied(ResourceReference reference, String code, String noun) {
    String detail = noun + " '" + reference.name() + "' is not allowed by the org's policy.";
    return new Violation(reference.pointer(), code, detail);
  }
}
