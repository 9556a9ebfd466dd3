package ai.iceos.worker.node;

import ai.iceos.contracts.blueprint.CodeNodeSpec;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.worker.code.JsSandbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Runs a {@code code} node (SPEC §2.6, §2.11) in {@link JsSandbox} on a worker thread, with the
 * attempt's deadline as the sandbox's wall-clock limit so a runaway script is stopped, not just
 * abandoned. Only inline JavaScript runs; other languages and unregistered snippets fail
 * permanently.
 */
@Singleton
public final class CodeNodeExecutor implements NodeExecutor<CodeNodeSpec> {
  static final String UNSUPPORTED_LANGUAGE = "unsupported-language";

  private final JsSandbox sandbox;

  CodeNodeExecutor(JsSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public Uni<NodeResult> execute(CodeNodeSpec node, NodeTask task) {
    String language =
        node.language() == null ? "javascript" : node.language().toLowerCase(Locale.ROOT);
    if (!language.equals("javascript") && !language.equals("js")) {
      throw new NodeFailureException(
          Failure.permanent(
              UNSUPPORTED_LANGUAGE,
              "node-worker runs code in javascript only, not '" + node.language() + "'"));
    }
    if (node.code() == null || node.code().isBlank()) {
      throw new NodeFailureException(
          Failure.permanent(
              JsSandbox.CODE_ERROR,
              "Code node '" + node.id() + "' has no code (registered snippets are not supported)"));
    }
    return Uni.createFrom()
        .item(() -> new NodeResult(sandbox.run(node.code(), task.scope(), Deadline.of(task)), null))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }
}
