package ai.iceos.compiler;

import ai.iceos.compiler.catalog.CatalogStore;
import ai.iceos.compiler.compile.PlanCompiler;
import ai.iceos.compiler.estimate.CostEstimator;
import ai.iceos.compiler.estimate.EstimateSettings;
import ai.iceos.compiler.estimate.PriceTable;
import ai.iceos.compiler.estimate.TokenCounter;
import ai.iceos.compiler.validate.BlueprintValidator;
import ai.iceos.compiler.validate.ValidationLimits;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/** Makes the framework-free core available for injection. */
@Singleton
class CompilerBeans {

  /** Built at startup so that loading tokenizers is not the first command's cost. */
  @Produces
  @Singleton
  @Startup
  PlanCompiler planCompiler(CompilerConfig config) {
    CompilerConfig.Estimate estimate = config.estimate();
    EstimateSettings settings =
        new EstimateSettings(
            estimate.defaultCompletionTokens(),
            estimate.llmNodeDuration(),
            estimate.toolNodeDuration(),
            PriceTable.standard());
    ValidationLimits limits = new ValidationLimits(config.maxNodes(), config.maxNestingDepth());
    return new PlanCompiler(
        new BlueprintValidator(limits), new CostEstimator(settings, new TokenCounter()));
  }

  /** Filled by the catalog consumers, read by every compilation. */
  @Produces
  @Singleton
  CatalogStore catalogStore() {
    return new CatalogStore();
  }

  @Produces
  @Singleton
  InstantSource clock() {
    return InstantSource.system();
  }
}
