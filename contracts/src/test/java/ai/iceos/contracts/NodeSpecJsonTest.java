package ai.iceos.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.AgentNodeSpec;
import ai.iceos.contracts.blueprint.Blueprint;
import ai.iceos.contracts.blueprint.ConditionNodeSpec;
import ai.iceos.contracts.blueprint.CoordinationStrategy;
import ai.iceos.contracts.blueprint.HumanNodeSpec;
import ai.iceos.contracts.blueprint.LoopNodeSpec;
import ai.iceos.contracts.blueprint.MonitorAction;
import ai.iceos.contracts.blueprint.MonitorNodeSpec;
import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.blueprint.NodeType;
import ai.iceos.contracts.blueprint.ParallelNodeSpec;
import ai.iceos.contracts.blueprint.SwarmNodeSpec;
import ai.iceos.contracts.blueprint.WaitStrategy;
import ai.iceos.contracts.json.IceosJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every node type of SPEC §1.3 binds from the blueprint format and survives a round trip. */
class NodeSpecJsonTest {
  private static Blueprint blueprint;

  @BeforeAll
  static void readBlueprint() throws IOException {
    try (InputStream in =
        NodeSpecJsonTest.class.getResourceAsStream("/blueprints/every-node-type.json")) {
      blueprint = IceosJson.mapper().readValue(in, Blueprint.class);
    }
  }

  @Test
  void shouldBindOneNodeOfEveryType() {
    assertThat(blueprint.nodes().stream().map(NodeSpec::kind).distinct())
        .containsExactlyInAnyOrder(NodeType.values());
  }

  @Test
  void shouldSurviveARoundTripUnchanged() throws IOException {
    String written = IceosJson.mapper().writeValueAsString(blueprint);

    assertThat(IceosJson.mapper().readValue(written, Blueprint.class)).isEqualTo(blueprint);
  }

  @Test
  void shouldReadTheWireNamesOfTypeSpecificFields() {
    var agent = node("helper", AgentNodeSpec.class);
    var human = node("review", HumanNodeSpec.class);
    var monitor = node("watch", MonitorNodeSpec.class);
    var fan = node("fan", ParallelNodeSpec.class);
    var team = node("team", SwarmNodeSpec.class);

    assertThat(agent.agentPackage()).isEqualTo("support.triage");
    assertThat(human.autoApproveAfter()).isEqualTo(300);
    assertThat(monitor.actionOnTrigger()).isEqualTo(MonitorAction.PAUSE);
    assertThat(fan.waitStrategy()).isEqualTo(WaitStrategy.RACE);
    assertThat(team.coordinationStrategy()).isEqualTo(CoordinationStrategy.MARKETPLACE);
    assertThat(team.agents().get(1).agentPackage()).isEqualTo("a.critic");
  }

  @Test
  void shouldExposeNestedNodeListsAsChildren() {
    var gate = node("gate", ConditionNodeSpec.class);
    var oldGate = node("old_gate", ConditionNodeSpec.class);
    var each = node("each", LoopNodeSpec.class);
    var fan = node("fan", ParallelNodeSpec.class);

    assertThat(gate.children()).extracting(l -> l.get(0).id()).containsExactly("yes", "no");
    assertThat(oldGate.trueBranch()).containsExactly("helper");
    assertThat(oldGate.children()).allSatisfy(l -> assertThat(l).isEmpty());
    assertThat(each.children()).singleElement().satisfies(l -> assertThat(l).hasSize(1));
    assertThat(fan.children()).hasSize(2);
    assertThat(node("load", NodeSpec.class).children()).isEmpty();
  }

  private static <T extends NodeSpec> T node(String id, Class<T> type) {
    return type.cast(
        blueprint.nodes().stream()
            .filter(n -> n.id().equals(id))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError(id + " in " + Arrays.toString(NodeType.values()))));
  }
}
