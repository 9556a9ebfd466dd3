package ai.iceos.compiler;

import ai.iceos.compiler.catalog.CatalogStore;
import ai.iceos.compiler.compile.PlanCompiler;
import ai.iceos.compiler.estimate.CostEstimator;
import ai.iceos.compiler.estimate.EstimateSettings;
import ai.iceos.compiler.estimate.TokenCounter;
import ai.iceos.compiler.validate.BlueprintValidator;
import ai.iceos.compiler.validate.CompileContext;
import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.AgentCatalogEntry;
import ai.iceos.contracts.messaging.ModelCatalogEntry;
import ai.iceos.contracts.messaging.ToolCatalogEntry;
import ai.iceos.contracts.policy.OrgPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test fixtures under {@code src/test/resources/blueprints} and a standard compiler. */
public final class Fixtures {
  /** Shared: the compiler is thread-safe and loading its tokenizers takes a while. */
  private static final PlanCompiler COMPILER =
      new PlanCompiler(
          new BlueprintValidator(),
          new CostEstimator(EstimateSettings.standard(), new TokenCounter()));

  private Fixtures() {}

  public static JsonNode blueprint(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/blueprints/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return IceosJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static boolean exists(String path) {
    return Fixtures.class.getResource("/blueprints/" + path) != null;
  }

  /**
   * The context a fixture is compiled in: {@code <case>.context.json} when present ({@code policy},
   * {@code known_workflow_refs}, and the names in the {@code tools}, {@code agents} and {@code
   * models} catalogs), else the standalone context.
   */
  public static CompileContext context(String fixture) {
    String path = fixture + ".context.json";
    if (!exists(path)) {
      return CompileContext.standalone();
    }
    ContextFile file = IceosJson.mapper().convertValue(blueprint(path), ContextFile.class);
    CatalogStore catalogs = new CatalogStore();
    file.tools().forEach(name -> catalogs.putTool(name, tool(name)));
    file.agents().forEach(name -> catalogs.putAgent(name, agent(name, null)));
    file.models().forEach(name -> catalogs.putModel(name, model(name, 0, 0)));
    OrgPolicy policy = file.policy() == null ? OrgPolicy.defaults() : file.policy();
    return new CompileContext(policy, file.knownWorkflowRefs(), catalogs.snapshot());
  }

  /** What a {@code <case>.context.json} holds. */
  record ContextFile(
      OrgPolicy policy,
      List<String> knownWorkflowRefs,
      List<String> tools,
      List<String> agents,
      List<String> models) {
    ContextFile {
      knownWorkflowRefs = knownWorkflowRefs == null ? List.of() : knownWorkflowRefs;
      tools = tools == null ? List.of() : tools;
      agents = agents == null ? List.of() : agents;
      models = models == null ? List.of() : models;
    }
  }

  public static ToolCatalogEntry tool(String name) {
    JsonNode object = IceosJson.mapper().createObjectNode().put("type", "object");
    return new ToolCatalogEntry(
        UUID.randomUUID(), name, "test tool", object, object, "test", Instant.EPOCH);
  }

  public static AgentCatalogEntry agent(String agentPackage, String model) {
    return new AgentCatalogEntry(
        UUID.randomUUID(), agentPackage, "test agent", model, List.of(), "test", Instant.EPOCH);
  }

  public static ModelCatalogEntry model(String name, long inPerMillion, long outPerMillion) {
    return new ModelCatalogEntry(
        UUID.randomUUID(),
        name,
        "offline",
        128_000,
        4_096,
        inPerMillion,
        inPerMillion,
        outPerMillion,
        "test",
        Instant.EPOCH);
  }

  public static PlanCompiler compiler() {
    return COMPILER;
  }
}
