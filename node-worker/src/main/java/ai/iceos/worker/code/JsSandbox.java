package ai.iceos.worker.code;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.worker.node.NodeFailureException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Runs a {@code code} node's JavaScript with GraalJS in a fresh context that has no host access, no
 * file, network, process, thread or environment access, no other languages, a statement limit and a
 * wall-clock limit (the context is closed when it passes). The code is the body of a function of
 * {@code ctx}, the node's scope as plain JSON (SPEC §2.11); its return value, which must be JSON,
 * is the output, a non-object wrapped as {@code {result: value}}. Blocking: run it on a worker
 * thread.
 */
public final class JsSandbox {
  public static final String CODE_ERROR = "code-error";
  public static final String CODE_LIMIT = "code-limit";
  private static final String SCOPE_BINDING = "__iceos_scope";

  private final long maxStatements;
  private final int maxOutputChars;
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "iceos-code-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param maxStatements JavaScript statements one run may execute
   * @param maxOutputChars largest JSON output, in characters
   */
  public JsSandbox(long maxStatements, int maxOutputChars) {
    this.maxStatements = maxStatements;
    this.maxOutputChars = maxOutputChars;
  }

  /** Runs {@code code} with {@code scope} as {@code ctx}; at most {@code timeout} wall-clock. */
  public JsonNode run(String code, JsonNode scope, Duration timeout) {
    try (Context context = newContext()) {
      ScheduledFuture<?> deadline =
          watchdog.schedule(() -> context.close(true), timeout.toMillis(), TimeUnit.MILLISECONDS);
      try {
        context.getBindings("js").putMember(SCOPE_BINDING, scope.toString());
        Value result = context.eval("js", wrap(code));
        return output(result.isString() ? result.asString() : "null");
      } catch (PolyglotException e) {
        throw failure(e, timeout);
      } finally {
        deadline.cancel(false);
      }
    } catch (PolyglotException e) {
      throw failure(e, timeout);
    }
  }

  private Context newContext() {
    return Context.newBuilder("js")
        .allowHostAccess(HostAccess.NONE)
        .allowHostClassLookup(name -> false)
        .allowIO(IOAccess.NONE)
        .allowCreateThread(false)
        .allowCreateProcess(false)
        .allowNativeAccess(false)
        .allowPolyglotAccess(PolyglotAccess.NONE)
        .allowEnvironmentAccess(EnvironmentAccess.NONE)
        .resourceLimits(ResourceLimits.newBuilder().statementLimit(maxStatements, null).build())
        .option("engine.WarnInterpreterOnly", "false")
        .option("js.load", "false")
        .option("js.print", "false")
        .option("js.console", "false")
        .out(OutputStream.nullOutputStream())
        .err(OutputStream.nullOutputStream())
        .build();
  }

  /** The user's body inside a function of ctx; the result comes back as JSON text. */
  private static String wrap(String code) {
    return "(function () {\n"
        + "const __iceos_result = (function (ctx) {\n"
        + code
        + "\n})(JSON.parse("
        + SCOPE_BINDING
        + "));\n"
        + "const __iceos_json = JSON.stringify(__iceos_result);\n"
        + "return __iceos_json === undefined ? 'null' : __iceos_json;\n"
        + "})()";
  }

  private JsonNode output(String json) {
    if (json.length() > maxOutputChars) {
      throw new NodeFailureException(
          Failure.permanent(CODE_LIMIT, "Code output is larger than " + maxOutputChars + " chars"));
    }
    try {
      JsonNode value = IceosJson.mapper().readTree(json);
      if (value.isObject()) {
        return value;
      }
      return IceosJson.mapper().createObjectNode().set("result", value);
    } catch (JsonProcessingException e) {
      throw new NodeFailureException(Failure.permanent(CODE_ERROR, "Code output is not JSON"));
    }
  }

  private static NodeFailureException failure(PolyglotException e, Duration timeout) {
    // a statement limit cancels the context too, so it is checked first
    if (e.isResourceExhausted()) {
      return new NodeFailureException(
          Failure.permanent(CODE_LIMIT, "Code exceeded its limits: " + e.getMessage()));
    }
    if (e.isCancelled()) {
      return new NodeFailureException(
          Failure.retryable("timeout", "Code ran longer than " + timeout.toMillis() + " ms"));
    }
    String where =
        e.getSourceLocation() == null
            ? ""
            : " (line " + (e.getSourceLocation().getStartLine() - 2) + ")";
    return new NodeFailureException(Failure.permanent(CODE_ERROR, e.getMessage() + where));
  }
}
