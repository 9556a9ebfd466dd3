package ai.iceos.compiler;

import ai.iceos.compiler.compile.PlanCompiler;
import ai.iceos.compiler.estimate.CostEstimator;
import ai.iceos.compiler.estimate.EstimateSettings;
import ai.iceos.compiler.estimate.TokenCounter;
import ai.iceos.compiler.validate.BlueprintValidator;
import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

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

  public static PlanCompiler compiler() {
    return COMPILER;
  }
}
