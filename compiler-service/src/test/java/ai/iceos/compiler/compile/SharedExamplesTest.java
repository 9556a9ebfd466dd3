package ai.iceos.compiler.compile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.compiler.Fixtures;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.contracts.plan.PlannedNode;
import ai.iceos.contracts.plan.SubGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples shipped in the shared folder (copies under {@code blueprints/valid}) compile into
 * the levels SPEC §2.1 defines, nested paths, bodies and branches with levels of their own.
 */
class SharedExamplesTest {
  private final PlanCompiler compiler = Fixtures.compiler();

  @Test
  void shouldLevelTheTicketTriageExampleWithItsLoopBodyAndConditionPaths() {
    ExecutionPlan plan = compile("ticket-triage-condition-loop-subworkflow");

    assertThat(plan.levels())
        .containsExactly(
            List.of("tickets"),
            List.of("summaries"),
            List.of("triage"),
            List.of("gate"),
            List.of("report"));
    SubGraph body = plan.node("summaries").orElseThrow().subGraph("body").orElseThrow();
    assertThat(body.levels()).containsExactly(List.of("sum_one"));
    PlannedNode gate = plan.node("gate").orElseThrow();
    assertThat(gate.subGraphs())
        .extracting(SubGraph::name)
        .containsExactly("true_path", "false_path");
    assertThat(gate.subGraph("true_path").orElseThrow().levels())
        .containsExactly(List.of("escalate"));
    assertThat(gate.subGraph("false_path").orElseThrow().levels())
        .containsExactly(List.of("archive"));
  }

  @Test
  void shouldLevelTheSellerAssistantExampleWithItsLoopBody() {
    ExecutionPlan plan = compile("seller-assistant");

    assertThat(plan.levels())
        .containsExactly(List.of("load_csv"), List.of("listing_loop"), List.of("summarize"));
    assertThat(plan.node("listing_loop").orElseThrow().subGraph("body").orElseThrow().nodes())
        .extracting(PlannedNode::id)
        .containsExactly("listing_agent_inner");
  }

  @Test
  void shouldLevelTheRecursiveNegotiationExample() {
    ExecutionPlan plan = compile("recursive-negotiation");

    assertThat(plan.levels()).containsExactly(List.of("seed"), List.of("negotiate"));
  }

  @Test
  void shouldLevelTheResearchAndLibraryExamples() {
    assertThat(compile("research-llm-search-llm").levels())
        .containsExactly(List.of("llm1"), List.of("search"), List.of("llm2"));
    assertThat(compile("library-assistant-rag").levels())
        .containsExactly(List.of("recent", "search"), List.of("llm"), List.of("write"));
  }

  @Test
  void shouldGiveParallelBranchesAndRecursiveLoopsTheirOwnLevels() {
    ExecutionPlan plan = compile("every-node-type");

    PlannedNode fan = plan.node("fan").orElseThrow();
    assertThat(fan.subGraphs())
        .extracting(SubGraph::name)
        .containsExactly("branches/0", "branches/1");
    assertThat(fan.subGraph("branches/1").orElseThrow().levels())
        .containsExactly(List.of("b1"), List.of("b1_after"));
    // refine depends on improve, which lists refine as its recursive source: the loop back.
    assertThat(plan.node("refine").orElseThrow().level()).isZero();
    assertThat(plan.node("improve").orElseThrow().level()).isEqualTo(1);
  }

  private ExecutionPlan compile(String example) {
    CompileResult result = compiler.compile(Fixtures.blueprint("valid/" + example + ".json"));
    assertThat(result).isInstanceOf(CompileResult.Compiled.class);
    return ((CompileResult.Compiled) result).plan();
  }
}
