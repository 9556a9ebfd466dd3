package ai.iceos.worker.node;

import static ai.iceos.worker.node.Tasks.json;
import static ai.iceos.worker.node.Tasks.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.contracts.blueprint.CoordinationStrategy;
import ai.iceos.contracts.blueprint.SwarmAgent;
import ai.iceos.contracts.blueprint.SwarmNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.worker.agent.AgentDefinition;
import ai.iceos.worker.agent.AgentRegistry;
import ai.iceos.worker.llm.ChatCompletionRequest;
import ai.iceos.worker.llm.ChatCompletionResponse;
import ai.iceos.worker.llm.ChatMessage;
import ai.iceos.worker.llm.GatewayException;
import ai.iceos.worker.llm.LlmGatewayClient;
import ai.iceos.worker.schema.SchemaValidator;
import ai.iceos.worker.tool.ToolRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Swarm nodes against a stub gateway that answers by the asked member's role (read from the system
 * message) and the question; every call costs 3 + 4 tokens.
 */
class SwarmNodeExecutorTest {
  private final List<ChatCompletionRequest> sent = new CopyOnWriteArrayList<>();
  private BiFunction<String, String, String> answer = (role, user) -> "ECHO::" + user;
  private final LlmGatewayClient gateway =
      (org, execution, node, request) -> {
        sent.add(request);
        String system = request.messages().get(0).content();
        String user = request.messages().get(1).content();
        String text;
        try {
          text = answer.apply(roleOf(system), user);
        } catch (GatewayException refused) {
          return Uni.createFrom().failure(refused);
        }
        return Uni.createFrom()
            .item(
                new ChatCompletionResponse(
                    "c",
                    "m",
                    List.of(
                        new ChatCompletionResponse.Choice(
                            0, new ChatMessage("assistant", text), "stop")),
                    new ChatCompletionResponse.TokenUsage(3, 4, 7, null)));
      };
  private final SwarmNodeExecutor executor =
      new SwarmNodeExecutor(
          gateway,
          new ToolRegistry(List.of()),
          new AgentRegistry(List.of(new Analyst())),
          new SchemaValidator());

  @Test
  void shouldReachConsensusInTheFirstRoundWhenEnoughNormalizedAnswersAgree() {
    answer =
        (role, user) ->
            switch (role) {
              case "a" -> "I think so.\nANSWER: Paris";
              case "b" -> "ANSWER: paris.";
              case "c" -> "ANSWER:  PARIS ";
              default -> "ANSWER: Lyon";
            };

    NodeResult result = run(swarm(CoordinationStrategy.CONSENSUS, 5, 0.75, "a", "b", "c", "d"));

    JsonNode output = result.output();
    assertThat(output.get("strategy").asText()).isEqualTo("consensus");
    assertThat(output.get("result").asText()).isEqualTo("Paris");
    assertThat(output.get("rounds").asInt()).isEqualTo(1);
    assertThat(output.get("consensus_reached").asBoolean()).isTrue();
    assertThat(output.get("agreement").asDouble()).isEqualTo(0.75);
    assertThat(output.get("supporters")).isEqualTo(json("[\"a\", \"b\", \"c\"]"));
    assertThat(output.get("agents").get(0))
        .isEqualTo(json("{\"role\": \"a\", \"package\": \"analyst\"}"));
    assertThat(output.get("transcript")).hasSize(4);
    assertThat(output.at("/transcript/3"))
        .isEqualTo(
            json(
                "{\"round\": 1, \"role\": \"d\", \"phase\": \"answer\", \"message\": \"ANSWER: Lyon\"}"));
    assertThat(result.usage()).isEqualTo(new Usage(12, 16, 28, 0, 4));
    assertThat(sent.get(0).messages().get(0).content())
        .startsWith("Weigh the facts")
        .contains("You are 'a' in a swarm of agents")
        .contains("ANSWER:");
    assertThat(sent.get(0).messages().get(1).content()).contains("\"topic\":\"capitals\"");
  }

  @Test
  void shouldShowEveryAnswerAgainAndReachConsensusInALaterRound() {
    answer =
        (role, user) -> user.contains("Answers of round 1") ? "ANSWER: yes" : "ANSWER: " + role;

    NodeResult result = run(swarm(CoordinationStrategy.CONSENSUS, 5, 1.0, "a", "b"));

    assertThat(result.output().get("rounds").asInt()).isEqualTo(2);
    assertThat(result.output().get("consensus_reached").asBoolean()).isTrue();
    assertThat(result.output().get("result").asText()).isEqualTo("yes");
    String second = sent.get(2).messages().get(1).content();
    assertThat(second).contains("agreement 50%, needed 100%").contains("- a: a").contains("- b: b");
  }

  @Test
  void shouldStopAtMaxRoundsWithoutConsensusAndReportThePluralityAnswer() {
    answer = (role, user) -> "ANSWER: " + (role.equals("c") ? "b" : role);

    NodeResult result = run(swarm(CoordinationStrategy.CONSENSUS, 3, 0.75, "a", "b", "c"));

    JsonNode output = result.output();
    assertThat(output.get("rounds").asInt()).isEqualTo(3);
    assertThat(output.get("consensus_reached").asBoolean()).isFalse();
    assertThat(output.get("result").asText()).isEqualTo("b");
    assertThat(output.get("agreement").asDouble()).isEqualTo(0.6667);
    assertThat(sent).hasSize(9);
    assertThat(result.usage().llmCalls()).isEqualTo(9);
  }

  @Test
  void shouldLetTheLeaderDelegateSubtasksAndSynthesizeTheResults() {
    answer =
        (role, user) -> {
          if (role.equals("lead") && user.startsWith("Task:") && !user.contains("Results")) {
            return "Plan: {\"subtasks\": {\"writer\": \"draft it\", \"stranger\": \"x\"}}";
          }
          if (role.equals("lead")) {
            return "Final: " + user.substring(user.indexOf("- writer"));
          }
          return "done: " + user.substring(0, user.indexOf('\n', 9));
        };

    NodeResult result =
        run(swarm(CoordinationStrategy.HIERARCHICAL, 3, null, "lead", "writer", "checker"));

    JsonNode output = result.output();
    assertThat(output.get("strategy").asText()).isEqualTo("hierarchical");
    assertThat(output.get("leader").asText()).isEqualTo("lead");
    assertThat(output.get("delegation").asText()).isEqualTo("planned");
    assertThat(output.get("rounds").asInt()).isEqualTo(1);
    assertThat(output.get("result").asText())
        .isEqualTo("Final: - writer: done: Subtask:\ndraft it");
    assertThat(output.get("transcript"))
        .extracting(entry -> entry.get("role").asText() + "/" + entry.get("phase").asText())
        .containsExactly("lead/plan", "writer/work", "lead/synthesize");
    assertThat(result.usage().llmCalls()).isEqualTo(3);
  }

  @Test
  void shouldGiveEveryMemberTheWholeTaskWhenTheLeaderCannotPlanAsOffline() {
    NodeResult result =
        run(swarm(CoordinationStrategy.HIERARCHICAL, 3, null, "lead", "writer", "checker"));

    JsonNode output = result.output();
    assertThat(output.get("delegation").asText()).isEqualTo("whole_task");
    assertThat(output.get("rounds").asInt()).isEqualTo(1);
    assertThat(output.get("transcript"))
        .extracting(entry -> entry.get("role").asText() + "/" + entry.get("phase").asText())
        .containsExactly("lead/plan", "writer/work", "checker/work", "lead/synthesize");
    assertThat(output.get("result").asText())
        .startsWith("ECHO::Task:")
        .contains("Results of round 1:");
  }

  @Test
  void shouldDelegateAgainFromTheSynthesisWhileRoundsRemain() {
    answer =
        (role, user) -> role.equals("lead") ? "{\"subtasks\": {\"writer\": \"more\"}}" : "worked";

    NodeResult result = run(swarm(CoordinationStrategy.HIERARCHICAL, 2, null, "lead", "writer"));

    assertThat(result.output().get("rounds").asInt()).isEqualTo(2);
    assertThat(result.output().get("transcript"))
        .extracting(entry -> entry.get("phase").asText())
        .containsExactly("plan", "work", "synthesize", "work", "synthesize");
    assertThat(sent.get(4).messages().get(0).content()).doesNotContain("another round");
  }

  @Test
  void shouldLetTheHighestBidDoTheTask() {
    answer =
        (role, user) -> {
          if (user.contains("Task:") && sent.size() <= 3) {
            return switch (role) {
              case "a" -> "{\"bid\": 0.4}";
              case "b" -> "I bid ```{\"bid\": \"0.9\", \"reason\": \"expert\"}```";
              default -> "{\"bid\": 0.9}";
            };
          }
          return "result by " + role;
        };

    NodeResult result = run(swarm(CoordinationStrategy.MARKETPLACE, 4, null, "a", "b", "c"));

    JsonNode output = result.output();
    assertThat(output.get("strategy").asText()).isEqualTo("marketplace");
    assertThat(output.get("winner").asText()).isEqualTo("b");
    assertThat(output.get("winning_bid").asDouble()).isEqualTo(0.9);
    assertThat(output.get("winner_reason").asText()).isEqualTo("highest_bid");
    assertThat(output.get("result").asText()).isEqualTo("result by b");
    assertThat(output.get("rounds").asInt()).isEqualTo(1);
    assertThat(output.get("bids"))
        .isEqualTo(
            json(
                "[{\"role\":\"a\",\"bid\":0.4},{\"role\":\"b\",\"bid\":0.9},{\"role\":\"c\",\"bid\":0.9}]"));
    assertThat(result.usage().llmCalls()).isEqualTo(4);
  }

  @Test
  void shouldAuctionAgainAtMostMaxRoundsThenGiveTheTaskToTheFirstMember() {
    NodeResult result = run(swarm(CoordinationStrategy.MARKETPLACE, 3, null, "a", "b"));

    JsonNode output = result.output();
    assertThat(output.get("rounds").asInt()).isEqualTo(3);
    assertThat(output.get("winner").asText()).isEqualTo("a");
    assertThat(output.get("winning_bid").isNull()).isTrue();
    assertThat(output.get("winner_reason").asText()).isEqualTo("no_valid_bid");
    assertThat(sent).hasSize(7);
    assertThat(sent.get(2).messages().get(1).content()).contains("No valid bid came in round 1");
    assertThat(output.get("result").asText()).startsWith("ECHO::Task:");
  }

  @Test
  void shouldFailAnUnknownPackagePermanentlyBeforeAnyModelCall() {
    SwarmNodeSpec node =
        SwarmNodeSpec.of(
            "team",
            List.of(new SwarmAgent("analyst", "a", null), new SwarmAgent("ghost", "b", null)),
            null,
            null,
            null);

    assertThatThrownBy(() -> run(node))
        .isInstanceOfSatisfying(
            NodeFailureException.class,
            failure -> assertThat(failure.failure().type()).isEqualTo("unknown-agent"));
    assertThat(sent).isEmpty();
  }

  @Test
  void shouldClassifyAGatewayErrorAndReportTheUsageSpentBeforeIt() {
    answer =
        (role, user) -> {
          if (role.equals("lead") && user.contains("Results")) {
            throw new GatewayException(402, "Budget exceeded", null);
          }
          return "fine";
        };

    assertThatThrownBy(() -> run(swarm(CoordinationStrategy.HIERARCHICAL, 3, null, "lead", "w")))
        .isInstanceOfSatisfying(
            NodeFailureException.class,
            failure -> {
              assertThat(failure.failure())
                  .isEqualTo(Failure.permanent("budget-exceeded", "Budget exceeded"));
              assertThat(failure.usage()).isEqualTo(new Usage(6, 8, 14, 0, 2));
            });
  }

  @Test
  void shouldApplyConfigOverridesOverThePackage() {
    SwarmNodeSpec node =
        SwarmNodeSpec.of(
            "team",
            List.of(
                new SwarmAgent(
                    "analyst",
                    "a",
                    json(
                        "{\"instructions\": \"Be terse\", \"model\": \"m-2\", \"temperature\": 0}")),
                new SwarmAgent("analyst", "b", null)),
            CoordinationStrategy.CONSENSUS,
            1,
            null);

    run(node);

    ChatCompletionRequest first =
        sent.stream().filter(r -> "m-2".equals(r.model())).findFirst().orElseThrow();
    assertThat(first.messages().get(0).content()).startsWith("Be terse");
    assertThat(first.temperature()).isEqualTo(0.0);
    assertThat(sent)
        .extracting(ChatCompletionRequest::model)
        .containsExactlyInAnyOrder("m-2", "analyst-model");
  }

  private NodeResult run(SwarmNodeSpec node) {
    return executor
        .execute(node, task(node, "{\"inputs\": {\"topic\": \"capitals\"}}", 5_000))
        .await()
        .atMost(Duration.ofSeconds(5));
  }

  private static SwarmNodeSpec swarm(
      CoordinationStrategy strategy, Integer maxRounds, Double threshold, String... roles) {
    List<SwarmAgent> agents =
        java.util.Arrays.stream(roles).map(role -> new SwarmAgent("analyst", role, null)).toList();
    return SwarmNodeSpec.of("team", agents, strategy, maxRounds, threshold);
  }

  private static String roleOf(String system) {
    int start = system.indexOf("You are '") + "You are '".length();
    return system.substring(start, system.indexOf('\'', start));
  }

  private static final class Analyst implements AgentDefinition {
    @Override
    public String packageName() {
      return "analyst";
    }

    @Override
    public String description() {
      return "Weighs facts";
    }

    @Override
    public String instructions() {
      return "Weigh the facts.";
    }

    @Override
    public List<String> tools() {
      return List.of();
    }

    @Override
    public String model() {
      return "analyst-model";
    }
  }
}
