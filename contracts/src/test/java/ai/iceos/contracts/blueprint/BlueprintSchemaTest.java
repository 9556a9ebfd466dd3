package ai.iceos.contracts.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public blueprint schema accepts every example the project ships ({@code shared/examples},
 * found next to the repository or above it, and the copies the repository ships in {@code
 * examples/}) and rejects what SPEC §1 forbids.
 */
class BlueprintSchemaTest {
  private static final Path COPIES = Path.of("../examples");
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final JsonSchema SCHEMA = FACTORY.getSchema(BlueprintSchema.document());

  static Stream<Path> examples() throws IOException {
    Path shared = sharedExamples();
    return Stream.concat(jsonFiles(shared), jsonFiles(COPIES));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void shouldAcceptEveryShippedExample(Path example) throws IOException {
    Set<ValidationMessage> problems = SCHEMA.validate(read(example));

    assertThat(problems).isEmpty();
  }

  @Test
  void shouldKeepTheCopiedExamplesEqualToTheSharedOnes() throws IOException {
    Path shared = sharedExamples();
    List<String> names = jsonFiles(shared).map(p -> p.getFileName().toString()).toList();

    assertThat(names).isNotEmpty();
    for (String name : names) {
      assertThat(read(COPIES.resolve(name))).as(name).isEqualTo(read(shared.resolve(name)));
    }
  }

  @Test
  void shouldRejectUnknownFieldsAliasesAndBrokenTypeRules() throws IOException {
    assertThat(problems("{\"nodes\": []}")).isNotEmpty();
    assertThat(problems("{\"nodes\": [{\"id\": \"a\", \"type\": \"ai\"}]}")).isNotEmpty();
    assertThat(
            problems(
                "{\"nodes\": [{\"id\": \"a\", \"type\": \"tool\", \"tool_name\": \"echo\","
                    + " \"retry\": 3}]}"))
        .isNotEmpty();
    assertThat(problems("{\"nodes\": [{\"id\": \"a\", \"type\": \"tool\"}], \"extra\": 1}"))
        .isNotEmpty();
    assertThat(
            problems(
                "{\"nodes\": [{\"id\": \"r\", \"type\": \"recursive\", \"recursive_sources\":"
                    + " [\"a\"], \"agent_package\": \"p\", \"workflow_ref\": \"w\"}]}"))
        .isNotEmpty();
    assertThat(
            problems(
                "{\"nodes\": [{\"id\": \"h\", \"type\": \"human\", \"prompt_message\": \"ok?\","
                    + " \"approval_type\": \"choice\", \"choices\": [\"yes\"]}]}"))
        .isNotEmpty();
    assertThat(
            problems(
                "{\"nodes\": [{\"id\": \"l\", \"type\": \"loop\", \"items_source\": \"xs\","
                    + " \"body\": [{\"id\": \"in\", \"type\": \"tool\", \"tool_name\": \"echo\","
                    + " \"bogus\": true}]}]}"))
        .isNotEmpty();
  }

  @Test
  void shouldAcceptAMinimalNodeOfEveryType() throws IOException {
    String nodes =
        String.join(
            ",",
            "{\"id\": \"t\", \"type\": \"tool\", \"tool_name\": \"echo\"}",
            "{\"id\": \"l\", \"type\": \"llm\", \"model\": \"gpt-4o\", \"prompt\": \"hi\"}",
            "{\"id\": \"a\", \"type\": \"agent\", \"package\": \"support\"}",
            "{\"id\": \"c\", \"type\": \"condition\", \"expression\": \"x > 1\","
                + " \"true_branch\": [\"t\"]}",
            "{\"id\": \"w\", \"type\": \"workflow\", \"workflow_ref\": \"bp@3\"}",
            "{\"id\": \"lp\", \"type\": \"loop\", \"items_source\": \"t.items\", \"body\":"
                + " [{\"id\": \"b\", \"type\": \"tool\", \"tool_name\": \"echo\"}]}",
            "{\"id\": \"p\", \"type\": \"parallel\", \"branches\": [[{\"id\": \"p1\", \"type\":"
                + " \"tool\", \"tool_name\": \"echo\"}]]}",
            "{\"id\": \"r\", \"type\": \"recursive\", \"recursive_sources\": [\"t\"],"
                + " \"agent_package\": \"p\"}",
            "{\"id\": \"co\", \"type\": \"code\", \"code\": \"return 1\"}",
            "{\"id\": \"h\", \"type\": \"human\", \"prompt_message\": \"ok?\"}",
            "{\"id\": \"m\", \"type\": \"monitor\", \"metric_expression\": \"cost_usd > 1\"}",
            "{\"id\": \"s\", \"type\": \"swarm\", \"agents\": [{\"package\": \"a\", \"role\":"
                + " \"x\"}, {\"package\": \"b\", \"role\": \"y\"}]}");

    assertThat(problems("{\"nodes\": [" + nodes + "]}")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tool",
        "llm",
        "agent",
        "condition",
        "workflow",
        "loop",
        "parallel",
        "recursive",
        "code",
        "human",
        "monitor",
        "swarm"
      })
  void shouldServeASelfContainedSchemaPerNodeType(String type) throws IOException {
    JsonNode schema = BlueprintSchema.forNodeType(type).orElseThrow();
    JsonSchema perType = FACTORY.getSchema(schema);

    assertThat(schema.get("$ref").asText()).isEqualTo("#/$defs/" + type + "_node");
    assertThat(perType.validate(IceosJson.mapper().readTree("{\"id\": \"x\", \"type\": \"tool\"}")))
        .isNotEmpty();
  }

  @Test
  void shouldHaveASchemaForEveryNodeTypeAndNoneForAliases() {
    assertThat(Arrays.stream(NodeType.values()).map(t -> BlueprintSchema.forNodeType(t.wireName())))
        .allMatch(Optional::isPresent);
    assertThat(BlueprintSchema.forNodeType("ai")).isEmpty();
    assertThat(BlueprintSchema.forNodeType("webhook")).isEmpty();
  }

  @Test
  void shouldHandOutCopiesOfTheDocument() {
    ((com.fasterxml.jackson.databind.node.ObjectNode) BlueprintSchema.document()).remove("$defs");

    assertThat(BlueprintSchema.document().has("$defs")).isTrue();
    assertThat(BlueprintSchema.text()).contains("\"$schema\"");
  }

  private static Set<ValidationMessage> problems(String blueprint) throws IOException {
    return SCHEMA.validate(IceosJson.mapper().readTree(blueprint));
  }

  /**
   * {@code shared/examples} beside the repository (CI: {@code ../shared}) or beside any folder
   * above it (a git worktree further down); fails clearly when there is none.
   */
  private static Path sharedExamples() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/examples");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "No shared/examples folder beside the repository or above "
            + dir
            + "; CI provides ../shared.");
  }

  private static Stream<Path> jsonFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  private static JsonNode read(Path file) throws IOException {
    return IceosJson.mapper().readTree(file.toFile());
  }
}
