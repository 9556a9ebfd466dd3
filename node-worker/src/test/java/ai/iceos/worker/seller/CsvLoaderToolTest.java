package ai.iceos.worker.seller;

import static ai.iceos.worker.tool.ToolFixtures.NO_SCOPE;
import static ai.iceos.worker.tool.ToolFixtures.await;
import static ai.iceos.worker.tool.ToolFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.iceos.worker.tool.ToolException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderToolTest {
  private final CsvLoaderTool shipped = new CsvLoaderTool(new DataFiles(null));

  @Test
  void shouldLoadTheShippedDemoFileAsRowsOfStrings() {
    JsonNode result =
        await(shipped.execute(json("{\"path\": \"supply_yard_overflow.csv\"}"), NO_SCOPE));

    assertThat(result.get("row_count").asInt()).isEqualTo(9);
    assertThat(result.get("columns"))
        .isEqualTo(json("[\"Product/Item\", \"Suggested Price\", \"Description\"]"));
    assertThat(result.at("/rows/0"))
        .isEqualTo(
            json(
                "{\"Product/Item\": \"Refrigerator\", \"Suggested Price\": \"$600.00\","
                    + " \"Description\": \"Scratched, Stainless, 2 Door w/ Water\"}"));
    assertThat(result.at("/rows/6/Description").asText())
        .isEqualTo("Tupelo 24\" White Home Decorators");
    assertThat(result.get("truncated").asBoolean()).isFalse();
  }

  @Test
  void shouldReadInlineContentWithDelimiterAndMaxRows() {
    var args = JsonNodeFactory.instance.objectNode();
    args.put("content", "a;b\n1;x\n2;y\n3;z\n");
    args.put("delimiter", ";");
    args.put("max_rows", 2);

    JsonNode result = await(shipped.execute(args, NO_SCOPE));

    assertThat(result.get("rows"))
        .isEqualTo(json("[{\"a\": \"1\", \"b\": \"x\"}, {\"a\": \"2\", \"b\": \"y\"}]"));
    assertThat(result.get("truncated").asBoolean()).isTrue();
  }

  @Test
  void shouldRefusePathsThatLeaveTheDataDirectory() {
    for (String path : new String[] {"../pom.xml", "a/../../x.csv", "/etc/passwd", "..\\x.csv"}) {
      assertThatThrownBy(
              () ->
                  await(
                      shipped.execute(
                          json("{\"path\": \"" + path.replace("\\", "\\\\") + "\"}"), NO_SCOPE)))
          .as(path)
          .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.retryable()).isFalse())
          .hasMessage("'path' must be a relative path inside the data directory");
    }
  }

  @Test
  void shouldReadFromAConfiguredDirectoryAndRefuseASymlinkOut(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"));
    Files.writeString(data.resolve("one.csv"), "k\nv\n");
    Files.writeString(dir.resolve("secret.csv"), "s\nhidden\n");
    Files.createSymbolicLink(data.resolve("link.csv"), dir.resolve("secret.csv"));
    var tool = new CsvLoaderTool(new DataFiles(data));

    assertThat(
            await(tool.execute(json("{\"path\": \"one.csv\"}"), NO_SCOPE)).at("/rows/0/k").asText())
        .isEqualTo("v");
    assertThatThrownBy(() -> await(tool.execute(json("{\"path\": \"link.csv\"}"), NO_SCOPE)))
        .hasMessage("'path' must be a relative path inside the data directory");
    assertThatThrownBy(() -> await(tool.execute(json("{\"path\": \"none.csv\"}"), NO_SCOPE)))
        .hasMessage("No data file 'none.csv'");
  }
}
