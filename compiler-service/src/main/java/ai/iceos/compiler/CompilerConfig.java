package ai.iceos.compiler;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** compiler-service settings ({@code iceos.compiler.*}). */
@ConfigMapping(prefix = "iceos.compiler")
public interface CompilerConfig {

  /** Nodes a blueprint may have, nested ones included; beyond it the only answer is a 422. */
  @WithDefault("5000")
  int maxNodes();

  /** How deep node lists may nest (a loop body in a top-level loop is depth 1). */
  @WithDefault("8")
  int maxNestingDepth();

  /** Heuristics of a plan's cost estimate. */
  Estimate estimate();

  interface Estimate {
    /** Completion tokens assumed for an llm node that sets no max_tokens. */
    @WithDefault("256")
    int defaultCompletionTokens();

    /** Expected duration of one llm node on the critical path. */
    @WithDefault("1s")
    Duration llmNodeDuration();

    /** Expected duration of one tool node on the critical path. */
    @WithDefault("50ms")
    Duration toolNodeDuration();
  }
}
