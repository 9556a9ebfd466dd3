package ai.iceos.worker.code;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.Failure;
import ai.iceos.worker.node.NodeFailureException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *
 * <p>Memory: GraalJS community has no heap limit per context ({@code sandbox.MaxHeapMemory} needs
 * the Truffle Enterprise Extensions of Oracle GraalVM/Oracle JDK). Instead a watchdog samples,
 * every {@value #ALLOCATION_CHECK_MS} ms, the bytes the running thread has allocated since the code
 * started (the JVM's per-thread allocation counter; the interpreter runs the code on that thread)
 * and cancels the run past {@code maxAllocatedBytes}. That bounds what a run can ever hold, since
 * live memory never exceeds what was allocated; garbage counts too, and a single huge allocation
 * between two samples is only caught after it.
 */
public final class JsSandbox {
  public static final String CODE_ERROR = "code-error";
  public static final String CODE_LIMIT = "code-limit";

  /** Allocation limit when none is configured: 1 GiB. */
  public static final long DEFAULT_MAX_ALLOCATED_BYTES = 1L << 30;

  static final long ALLOCATION_CHECK_MS = 10;
  private static final String SCOPE_BINDING = "__iceos_scope";
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final long maxStatements;
  private final int maxOutputChars;
  private final long maxAllocatedBytes;
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
    this(maxStatements, maxOutputChars, DEFAULT_MAX_ALLOCATED_BYTES);
  }

  /**
   * @param maxAllocatedBytes bytes one run may allocate (garbage included)
   */
  public JsSandbox(long maxStatements, int maxOutputChars, long maxAllocatedBytes) {
    this.maxStatements = maxStatements;
    this.maxOutputChars = maxOutputChars;
    this.maxAllocatedBytes = maxAllocatedBytes;
  }

  /** Runs {@code code} with {@code scope} as {@code ctx}; at most {@code timeout} wall-clock. */
  public JsonNode run(String code, JsonNode scope, Duration timeout) {
    AtomicBoolean overAllocated = new AtomicBoolean();
    try (Context context = newContext()) {
      ScheduledFuture<?> deadline =
          watchdog.schedule(() -> context.close(true), timeout.toMillis(), TimeUnit.MILLISECONDS);
      ScheduledFuture<?> memory = watchAllocations(context, overAllocated);
      try {
        context.getBindings("js").putMember(SCOPE_BINDING, scope.toString());
        Value result = context.eval("js", wrap(code));
        return output(result.isString() ? result.asString() : "null");
      } catch (PolyglotException e) {
        throw failure(e, timeout, overAllocated.get());
      } finally {
        deadline.cancel(false);
        memory.cancel(false);
      }
    } catch (PolyglotException e) {
      throw failure(e, timeout, overAllocated.get());
    }
  }

  /** Cancels the run once this thread has allocated more than the limit since now. */
  private ScheduledFuture<?> watchAllocations(Context context, AtomicBoolean overAllocated) {
    long thread = Thread.currentThread().threadId();
    long start = THREADS.getThreadAllocatedBytes(thread);
    Runnable check =
        () -> {
          long allocated = THREADS.getThreadAllocatedBytes(thread) - start;
          if (allocated > maxAllocatedBytes && overAllocated.compareAndSet(false, true)) {
            context.close(true);
          }
        };
    return watchdog.scheduleAtFixedRate(
        check, ALLOCATION_CHECK_MS, ALLOCATION_CHECK_MS, TimeUnit.MILLISECONDS);
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

  private NodeFailureException failure(
      PolyglotException e, Duration timeout, boolean overAllocated) {
    // the statement and allocation limits cancel the context too, so they are checked first
    if (overAllocated) {
      return new NodeFailureException(
          Failure.permanent(
              CODE_LIMIT, "Code allocated more than " + maxAllocatedBytes + " bytes of memory"));
    }
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
