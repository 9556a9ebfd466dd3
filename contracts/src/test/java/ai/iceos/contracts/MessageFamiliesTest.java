package ai.iceos.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.blueprint.NodeSpec;
import ai.iceos.contracts.messaging.BlueprintCommand;
import ai.iceos.contracts.messaging.BlueprintEvent;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.RunCommand;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageFamiliesTest {

  static Stream<Class<?>> families() {
    return Stream.of(
        BlueprintCommand.class,
        BlueprintEvent.class,
        RunCommand.class,
        NodeOutcome.class,
        NodeSpec.class);
  }

  @ParameterizedTest
  @MethodSource("families")
  void shouldListEveryPermittedSubtypeOnTheWire(Class<?> family) {
    var onWire =
        Arrays.stream(family.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::value)
            .toList();

    assertThat(onWire).containsExactlyInAnyOrder(family.getPermittedSubclasses());
  }

  @ParameterizedTest
  @MethodSource("families")
  void shouldUseUniqueStableWireNames(Class<?> family) {
    var names =
        Arrays.stream(family.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name)
            .toList();

    assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z]+(\\.[a-z_]+)?"));
  }
}
