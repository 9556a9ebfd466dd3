package ai.iceos.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;

/**
 * A named capability a {@code tool} node runs. Implementations are CDI beans and are discovered by
 * {@link ToolRegistry}; the name is the stable key blueprints use in {@code tool_name}.
 *
 * <p>{@link #execute} must not block the calling thread: waiting is done with Mutiny timers or
 * non-blocking I/O. A failure of the returned {@code Uni} with a {@link ToolException} reports its
 * type and retryability; any other exception is reported as a retryable {@code tool-error} with the
 * exception's message. The worker cancels the {@code Uni} when the attempt's deadline passes.
 */
public interface Tool {
  /** Unique, stable name, e.g. {@code echo}. */
  String name();

  /** One sentence for the tool catalog. */
  String description();

  /** JSON Schema (draft 2020-12) of the rendered {@code tool_args} object. */
  JsonNode inputSchema();

  /** JSON Schema (draft 2020-12) of the result object. */
  JsonNode outputSchema();

  /**
   * Runs the tool once.
   *
   * @param args the node's {@code tool_args} with templates rendered; always an object
   * @param context which attempt of which node is running
   * @return the result, which becomes the node's output
   */
  Uni<JsonNode> execute(JsonNode args, ToolContext context);
}
