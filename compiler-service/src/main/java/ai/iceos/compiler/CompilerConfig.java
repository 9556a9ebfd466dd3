package ai.iceos.compiler;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** compiler-service settings ({@code iceos.compiler.*}). */
@ConfigMapping(prefix = "iceos.compiler")
public interface CompilerConfig {

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
