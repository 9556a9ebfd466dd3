package ai.iceos.compiler.estimate;

import ai.iceos.compiler.catalog.Catalogs;
import ai.iceos.contracts.blueprint.AgentNodeSpec;
import ai.iceos.contracts.blueprint.CodeNodeSpec;
import ai.iceos.contracts.blueprint.ConditionNodeSpec;
import ai.iceos.contracts.blueprint.HumanNodeSpec;
import ai.iceos.contracts.blueprint.LlmNodeSpec;
import ai.iceos.contracts.blueprint.LoopNodeSpec;
import ai.iceos.contracts.blueprint.MonitorNodeSpec;
import ai.iceos.contracts.blueprint.ParallelNodeSpec;
import ai.iceos.contracts.blueprint.RecursiveNodeSpec;
import ai.iceos.contracts.blueprint.SwarmAgent;
import ai.iceos.contracts.blueprint.SwarmNodeSpec;
import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.blueprint.WorkflowNodeSpec;
import ai.iceos.contracts.messaging.AgentCatalogEntry;
import ai.iceos.contracts.plan.CostEstimate;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.contracts.plan.SubGraph;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates what one execution of a plan costs before it runs, per node and in total.
 *
 * <ul>
 *   <li>An llm node is one call: prompt tokens are its {@code prompt} and {@code system} as written
 *       (rendered values are unknown at compile time), counted with the model's tokenizer;
 *       completion tokens are its {@code max_tokens}, else {@code llm_config.max_tokens}, else
 *       {@link EstimateSettings#defaultCompletionTokens()}.
 *   <li>An agent node is {@code max_iterations} (10) calls of its {@code instructions}; a swarm is
 *       {@code max_rounds} (10) calls per agent with an unknown prompt. Their model is the node's,
 *       else the agent catalog's; a model without price is free.
 *   <li>A loop costs its body times {@code max_iterations} (once when unset, since the item count
 *       is unknown before the run); a condition the cheaper path for min, the dearer for max, their
 *       mean for avg; a parallel node all its branches.
 *   <li>Money: min = prompts only, max = prompts + full completions, avg = prompts + half
 *       completions; {@code tokens} is the avg case's token count. Prices: the model catalog's,
 *       else the built-in table.
 *   <li>Duration: the longest dependency path, an llm call and a tool-like node weighted by their
 *       settings; a sequential loop adds its iterations, parallel work overlaps.
 * </ul>
 */
public final class CostEstimator {
  static final int DEFAULT_AGENT_ITERATIONS = 10;
  static final int DEFAULT_SWARM_ROUNDS = 10;

  private final EstimateSettings settings;
  private final TokenCounter tokens;

  public CostEstimator(EstimateSettings settings, TokenCounter tokens) {
    this.settings = settings;
    this.tokens = tokens;
  }

  /**
   * @param nodes the planned top-level nodes (with their sub-graphs)
   * @param levels their levels
   * @param catalogs the model and agent catalogs (prices, agents' models)
   */
  public PlanEstimate estimate(
      List<PlannedNode> nodes, List<List<String>> levels, Catalogs catalogs) {
    Walk walk = new Walk(settings.prices().withCatalog(catalogs.models()), catalogs);
    NodeCost total = walk.graph(nodes, levels);
    Map<String, CostEstimate> byNode = new LinkedHashMap<>();
    walk.costs.forEach((id, cost) -> byNode.put(id, cost.toEstimate()));
    return new PlanEstimate(total.toEstimate(), byNode);
  }

  /** One estimation; not shared between threads. */
  private final class Walk {
    private final PriceTable prices;
    private final Catalogs catalogs;
    private final Map<String, NodeCost> costs = new LinkedHashMap<>();

    Walk(PriceTable prices, Catalogs catalogs) {
      this.prices = prices;
      this.catalogs = catalogs;
    }

    NodeCost graph(List<PlannedNode> nodes, List<List<String>> levels) {
      Map<String, PlannedNode> byId = new HashMap<>();
      nodes.forEach(node -> byId.put(node.id(), node));
      Map<String, Long> finish = new HashMap<>();
      NodeCost money = NodeCost.ZERO;
      long longest = 0;
      for (List<String> level : levels) {
        for (String id : level) {
          PlannedNode node = byId.get(id);
          NodeCost cost = node(node);
          costs.put(id, cost);
          money = money.plus(cost.withDuration(0));
          long start =
              node.spec().dependencies().stream()
                  .mapToLong(d -> finish.getOrDefault(d, 0L))
                  .max()
                  .orElse(0);
          finish.put(id, start + cost.durationMillis());
          longest = Math.max(longest, start + cost.durationMillis());
        }
      }
      return money.withDuration(longest);
    }

    private NodeCost node(PlannedNode node) {
      long tool = settings.toolNodeDuration().toMillis();
      return switch (node.spec()) {
        case LlmNodeSpec llm -> llm(llm);
        case AgentNodeSpec agent -> agent(agent);
        case SwarmNodeSpec swarm -> swarm(swarm);
        case LoopNodeSpec loop -> loop(loop, node);
        case ToolNodeSpec t -> nested(node, tool);
        case ConditionNodeSpec c -> nested(node, tool);
        case ParallelNodeSpec p -> nested(node, tool);
        case WorkflowNodeSpec w -> nested(node, tool);
        case RecursiveNodeSpec r -> nested(node, tool);
        case CodeNodeSpec c -> nested(node, tool);
        case HumanNodeSpec h -> nested(node, tool);
        case MonitorNodeSpec m -> nested(node, tool);
      };
    }

    private NodeCost llm(LlmNodeSpec llm) {
      long prompt = tokens.count(llm.model(), llm.prompt());
      if (llm.system() != null) {
        prompt += tokens.count(llm.model(), llm.system());
      }
      long completion = completion(llm.maxTokens(), llm.llmConfig());
      return NodeCost.calls(1, prompt, completion, prices.priceOf(llm.model()), llmMillis());
    }

    private NodeCost agent(AgentNodeSpec agent) {
      String model = agent.model() != null ? agent.model() : catalogModel(agent.agentPackage());
      long prompt = agent.instructions() == null ? 0 : tokens.count(model, agent.instructions());
      long calls = agent.maxIterations() == null ? DEFAULT_AGENT_ITERATIONS : agent.maxIterations();
      long completion = completion(null, agent.llmConfig());
      return NodeCost.calls(calls, prompt, completion, prices.priceOf(model), llmMillis());
    }

    private NodeCost swarm(SwarmNodeSpec swarm) {
      long rounds = swarm.maxRounds() == null ? DEFAULT_SWARM_ROUNDS : swarm.maxRounds();
      NodeCost cost = NodeCost.ZERO;
      for (SwarmAgent agent : swarm.agents()) {
        ModelPrice price = prices.priceOf(catalogModel(agent.agentPackage()));
        cost =
            cost.alongside(
                NodeCost.calls(rounds, 0, settings.defaultCompletionTokens(), price, llmMillis()));
      }
      return cost;
    }

    private NodeCost loop(LoopNodeSpec loop, PlannedNode node) {
      long iterations = loop.maxIterations() == null ? 1 : loop.maxIterations();
      boolean sequential = loop.parallel() == null || !loop.parallel();
      NodeCost body = sub(node.subGraph("body").orElseThrow());
      return body.times(iterations, sequential);
    }

    /** Condition paths (either), parallel branches (alongside), or nothing nested. */
    private NodeCost nested(PlannedNode node, long ownMillis) {
      List<SubGraph> graphs = node.subGraphs();
      if (graphs.isEmpty()) {
        return NodeCost.duration(ownMillis);
      }
      NodeCost inner = sub(graphs.getFirst());
      for (SubGraph graph : graphs.subList(1, graphs.size())) {
        NodeCost next = sub(graph);
        inner = node.subGraph("true_path").isPresent() ? inner.either(next) : inner.alongside(next);
      }
      return inner.withDuration(inner.durationMillis() + ownMillis);
    }

    private NodeCost sub(SubGraph graph) {
      return graph(graph.nodes(), graph.levels());
    }

    private String catalogModel(String agentPackage) {
      AgentCatalogEntry entry = agentPackage == null ? null : catalogs.agents().get(agentPackage);
      return entry == null || entry.model() == null ? "" : entry.model();
    }

    private long llmMillis() {
      return settings.llmNodeDuration().toMillis();
    }

    private long completion(Integer maxTokens, JsonNode llmConfig) {
      if (maxTokens != null) {
        return maxTokens;
      }
      JsonNode configured = llmConfig == null ? null : llmConfig.get("max_tokens");
      if (configured != null && configured.canConvertToInt() && configured.asInt() > 0) {
        return configured.asInt();
      }
      return settings.defaultCompletionTokens();
    }
  }
}
